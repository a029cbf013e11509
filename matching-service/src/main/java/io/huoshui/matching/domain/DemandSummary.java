package io.huoshui.matching.domain;

import java.util.UUID;

/**
 * A demand's county and state as the API shows them.
 *
 * @param noMatch why nothing fitted, when the demand's status is NO_MATCH
 */
public record DemandSummary(
    UUID projectId, String county, DemandStatus status, MatchOutcome.NoMatch noMatch) {}
