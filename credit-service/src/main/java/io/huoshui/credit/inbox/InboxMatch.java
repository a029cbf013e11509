package io.huoshui.credit.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A match as its bank sees it.
 *
 * @param demandWithdrawn the county withdrew the demand: no answer is taken any more
 * @param disclosed whether {@code demand} is the full demand (enterprise, contact), which a bank
 *     sees once it declared interest, rather than the anonymised one of the push
 */
record InboxMatch(
    UUID matchId,
    UUID projectId,
    String county,
    UUID productId,
    String productName,
    String tier,
    int rank,
    BigDecimal score,
    JsonNode reasons,
    LocalDate deadline,
    Instant proposedAt,
    MatchStatus status,
    String colour,
    Instant escalatedAt,
    String releasedCause,
    boolean demandWithdrawn,
    boolean disclosed,
    JsonNode demand,
    Totals totals) {}
