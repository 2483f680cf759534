package io.masthead.page;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Optional;

/**
 * Every platform's rules checked against one share page, kept in {@code share/{slug}.json}.
 *
 * @param outcome   the worst outcome over all platforms
 * @param platforms facebook, x, linkedin, slack, whatsapp, discord, imessage
 */
public record LintReport(Outcome outcome, List<PlatformReport> platforms) {
    public LintReport {
        platforms = List.copyOf(platforms);
    }

    static LintReport of(List<PlatformReport> platforms) {
        Outcome worst = Outcome.PASS;
        for (PlatformReport p : platforms) worst = Outcome.worst(worst, p.outcome());
        return new LintReport(worst, platforms);
    }

    @JsonIgnore
    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    public Optional<PlatformReport> platform(String name) {
        return platforms.stream().filter(p -> p.platform().equals(name)).findFirst();
    }

    /** {@code platform/rule: detail} for every check with the given outcome, for a log line. */
    public List<String> findings(Outcome outcome) {
        return platforms.stream()
                .flatMap(p -> p.checks().stream()
                        .filter(c -> c.outcome() == outcome)
                        .map(c -> p.platform() + "/" + c.rule() + ": " + c.detail()))
                .toList();
    }
}
