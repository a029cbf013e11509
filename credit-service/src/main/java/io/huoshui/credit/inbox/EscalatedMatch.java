package io.huoshui.credit.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A held match as escalated, in matching's MatchEscalated payload, which goes on to the bank's own
 * topic as it is: without a stage or a level when matching sent none.
 */
record EscalatedMatch(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String colour,
    @JsonInclude(JsonInclude.Include.NON_NULL) String stage,
    LocalDate deadline,
    Instant escalatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String escalateTo) {}
