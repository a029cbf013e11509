package io.huoshui.credit.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A held match as released, in matching's MatchReleased payload, which goes on to the bank's own
 * topic as it is.
 */
record ReleasedMatch(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String cause,
    Instant releasedAt) {}
