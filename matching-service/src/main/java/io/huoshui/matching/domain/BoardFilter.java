package io.huoshui.matching.domain;

/**
 * What the supervision board shows: unanswered matches in counties under a region, with the
 * optional filters (null: any).
 *
 * @param region the operator's division code: every county it prefixes
 */
public record BoardFilter(String region, Colour colour, String county, String bank) {}
