package io.masthead.card;

import java.util.List;
import java.util.Optional;

/** Every card rendered for one article, with the report of how they were made. */
public record CardSet(List<Card> cards, RenderReport report) {
    public CardSet {
        cards = List.copyOf(cards);
    }

    public Optional<Card> find(String preset) {
        return cards.stream().filter(c -> c.preset().name().equals(preset)).findFirst();
    }
}
