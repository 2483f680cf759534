package io.masthead.page;

/**
 * One rule checked against what was produced.
 *
 * @param rule    stable id, e.g. {@code image-bytes}
 * @param outcome pass, warn or fail
 * @param detail  what was found, against which limit
 */
public record LintCheck(String rule, Outcome outcome, String detail) {
}
