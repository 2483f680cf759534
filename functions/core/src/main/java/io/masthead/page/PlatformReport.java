package io.masthead.page;

import java.util.List;

/**
 * One platform's rules and how each came out.
 *
 * @param platform e.g. {@code facebook}
 * @param outcome  the worst outcome of its checks
 * @param checks   in the order they were run
 */
public record PlatformReport(String platform, Outcome outcome, List<LintCheck> checks) {
    public PlatformReport {
        checks = List.copyOf(checks);
    }

    static PlatformReport of(String platform, List<LintCheck> checks) {
        Outcome worst = Outcome.PASS;
        for (LintCheck check : checks) worst = Outcome.worst(worst, check.outcome());
        return new PlatformReport(platform, worst, checks);
    }
}
