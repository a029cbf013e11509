package io.huoshui.credit.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A held match as escalated, in matching's MatchEscalated payload, which goes on to the bank's own
 * topic as it is.
 */
record EscalatedMatch(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String colour,
    LocalDate deadline,
    Instant escalatedAt) {}
