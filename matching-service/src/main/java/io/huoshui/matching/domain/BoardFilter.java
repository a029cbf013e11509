package io.huoshui.matching.domain;

/**
 * What the supervision board shows: the matches whose clock runs in counties under a region, or
 * their closed supervision cases, with the optional filters (null: any).
 *
 * @param region the operator's division code: every county it prefixes
 * @param closed the closed cases (销号) instead of the matches whose clock runs
 */
public record BoardFilter(
    String region, Colour colour, String county, String bank, boolean closed) {}
