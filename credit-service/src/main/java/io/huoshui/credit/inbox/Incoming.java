package io.huoshui.credit.inbox;

import io.huoshui.eventing.PoisonEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The fields this service reads of other services' events (docs/events.md); the rest is ignored. A
 * payload without a field the effect needs cannot be applied by any retry: it is poison.
 */
final class Incoming {

  static final String MATCHES = "huoshui.matches";
  static final String PROJECTS = "huoshui.projects";

  static final String MATCH_PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  static final String MATCH_ESCALATED = "io.huoshui.matching.MatchEscalated.v1";
  static final String MATCH_RELEASED = "io.huoshui.matching.MatchReleased.v1";
  static final String PROJECT_SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  static final String PROJECT_UPDATED = "io.huoshui.project.ProjectUpdated.v1";
  static final String PROJECT_WITHDRAWN = "io.huoshui.project.ProjectWithdrawn.v1";

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
      JsonNode reasons,
      LocalDate deadline,
      Instant proposedAt,
      JsonNode demand) {

    MatchProposed {
      require(matchId, "matchId");
      require(projectId, "projectId");
      require(county, "county");
      require(bankCode, "bankCode");
      require(productId, "productId");
      require(productName, "productName");
      require(tier, "tier");
      require(rank, "rank");
      require(score, "score");
      require(deadline, "deadline");
      require(proposedAt, "proposedAt");
      require(demand, "demand");
      amount(demand.get("amountRequested"), "demand.amountRequested");
    }

    BigDecimal amountRequested() {
      return amount(demand.get("amountRequested"), "demand.amountRequested");
    }
  }

  record MatchEscalated(UUID matchId, String colour, LocalDate deadline, Instant escalatedAt) {
    MatchEscalated {
      require(matchId, "matchId");
      require(colour, "colour");
      require(escalatedAt, "escalatedAt");
    }
  }

  record MatchReleased(UUID matchId, String cause, Instant releasedAt) {
    MatchReleased {
      require(matchId, "matchId");
      require(cause, "cause");
      require(releasedAt, "releasedAt");
    }
  }

  /** Of the full demand only what the rules need; the whole of it is kept as sent. */
  record Demand(UUID projectId, String county, BigDecimal amountRequested, Integer version) {
    Demand {
      require(projectId, "projectId");
      require(county, "county");
      require(amountRequested, "amountRequested");
      require(version, "version");
    }
  }

  record ProjectWithdrawn(UUID projectId, String reason, Instant withdrawnAt, Integer version) {
    ProjectWithdrawn {
      require(projectId, "projectId");
      require(withdrawnAt, "withdrawnAt");
      require(version, "version");
    }
  }

  /** Money travels as a decimal string ("70000000.00"). */
  private static BigDecimal amount(JsonNode value, String field) {
    require(value, field);
    try {
      return new BigDecimal(value.asString());
    } catch (NumberFormatException notAnAmount) {
      throw new PoisonEventException(field + " is not a decimal amount: " + value);
    }
  }

  private static void require(Object value, String field) {
    if (value == null || value instanceof JsonNode node && node.isNull()) {
      throw new PoisonEventException("the payload lacks " + field);
    }
  }
}
