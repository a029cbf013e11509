package io.huoshui.credit.inbox;

import io.huoshui.eventing.MayBeAbsent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The members this service reads of other services' events (docs/events.md); the rest is ignored.
 * The consumer refuses an event lacking a member not marked {@link MayBeAbsent} (the producers'
 * JSON Schemas say which may be), or about another demand than its key, as poison. Where the whole
 * of a member is kept as sent (a match's anonymised demand and reasons, the full demand), it is
 * read from the event itself.
 */
final class Incoming {

  private Incoming() {}

  record MatchProposed(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String productName,
      String tier,
      Integer rank,
      BigDecimal score,
      LocalDate deadline,
      Instant proposedAt,
      AnonymisedDemand demand,
      @MayBeAbsent Boolean manual) {

    /** Of the anonymised demand only what the answer rules need. */
    record AnonymisedDemand(BigDecimal amountRequested) {}
  }

  /** Without a stage, an escalation of the first answer. */
  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String colour,
      @MayBeAbsent String stage,
      LocalDate deadline,
      Instant escalatedAt,
      @MayBeAbsent String escalateTo) {}

  record MatchReleased(UUID matchId, UUID projectId, String cause, Instant releasedAt) {}

  /** ProjectSubmitted and ProjectUpdated: of the full demand only what the rules need. */
  record Demand(UUID projectId, String county, BigDecimal amountRequested, Integer version) {}

  record ProjectWithdrawn(UUID projectId, String reason, Instant withdrawnAt, Integer version) {}
}
