package io.huoshui.notification.intake;

import io.huoshui.eventing.MayBeAbsent;
import io.huoshui.eventing.PoisonEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The members of the consumed events (docs/events.md) that notifications need; the rest is ignored
 * (tolerant reader). The consumer refuses an event lacking a member not marked {@link MayBeAbsent}
 * (the producers' JSON Schemas say which may be), or about another subject than its key, as poison:
 * it goes to the dead-letter topic. A county must be a division code, since it chooses who hears of
 * the event. Each payload is read on as the {@link Happenings} it implements.
 */
final class Incoming {

  private static final Pattern COUNTY = Pattern.compile("\\d{6}");

  private Incoming() {}

  /** ProjectSubmitted and ProjectUpdated: the demand's title is what the county's texts name. */
  record ProjectDemand(UUID projectId, String county, String title, Integer version)
      implements Happenings.ProjectDemand {

    ProjectDemand {
      requireDivisionCode(county);
    }
  }

  record ProjectWithdrawn(UUID projectId, String county, String reason, Instant withdrawnAt)
      implements Happenings.ProjectWithdrawn {

    ProjectWithdrawn {
      requireDivisionCode(county);
    }
  }

  /** The anonymised demand a bank is shown. */
  record Demand(
      String industry,
      String enterpriseSize,
      BigDecimal amountRequested,
      Integer termMonths,
      String purpose)
      implements Happenings.Demand {}

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
      @MayBeAbsent Integer decisionWorkingDays,
      @MayBeAbsent Integer disbursementWorkingDays,
      Demand demand)
      implements Happenings.MatchProposed {

    MatchProposed {
      requireDivisionCode(county);
    }
  }

  record Failure(String rule, Integer failedProducts) implements Happenings.Failure {}

  record NoMatch(UUID projectId, String county, Integer evaluatedProducts, List<Failure> failures)
      implements Happenings.NoMatch {

    NoMatch {
      requireDivisionCode(county);
    }
  }

  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String colour,
      @MayBeAbsent Stage stage,
      @MayBeAbsent EscalationLevel escalateTo,
      LocalDate deadline)
      implements Happenings.MatchEscalated {

    MatchEscalated {
      requireDivisionCode(county);
    }
  }

  record MatchReleased(UUID matchId, UUID projectId, String cause)
      implements Happenings.MatchReleased {}

  record Tried(UUID matchId, String bankCode, String cause, @MayBeAbsent String declineReason)
      implements Happenings.Tried {}

  record DemandExhausted(UUID projectId, String county, List<Tried> tried, Instant exhaustedAt)
      implements Happenings.DemandExhausted {

    DemandExhausted {
      requireDivisionCode(county);
    }
  }

  /** Who acted: the office's API client. */
  record Actor(String clientId) implements Happenings.Actor {}

  /** The match and its bank are named together, or not at all (a re-opened demand). */
  record SupervisionActed(
      UUID projectId,
      String county,
      String action,
      @MayBeAbsent UUID matchId,
      @MayBeAbsent String bankCode,
      @MayBeAbsent UUID productId,
      @MayBeAbsent String reason,
      @MayBeAbsent String note,
      String operatorRegion,
      Actor actor,
      Instant actedAt)
      implements Happenings.SupervisionActed {

    SupervisionActed {
      requireDivisionCode(county);
      if ((matchId == null) != (bankCode == null)) {
        throw new PoisonEventException("matchId and bankCode come together or not at all");
      }
    }
  }

  record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed)
      implements Happenings.Totals {}

  /** What an answer carries beside its kind depends on the kind: the rest may be absent. */
  record BankResponded(
      UUID responseId,
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String answer,
      @MayBeAbsent BigDecimal amount,
      @MayBeAbsent BigDecimal annualRate,
      @MayBeAbsent Integer termMonths,
      @MayBeAbsent String declineReason,
      @MayBeAbsent String note,
      @MayBeAbsent LocalDate disbursedOn,
      Instant respondedAt,
      Totals totals)
      implements Happenings.BankResponded {

    BankResponded {
      requireDivisionCode(county);
    }
  }

  record CatalogProduct(
      UUID productId, String bankCode, String bankName, String name, String category, String change)
      implements Happenings.CatalogProduct {}

  /** About a county: the county is its subject and its key. */
  record CatalogDigest(String county, Instant from, Instant to, List<CatalogProduct> products)
      implements Happenings.CatalogDigest {

    CatalogDigest {
      requireDivisionCode(county);
    }
  }

  private static void requireDivisionCode(String county) {
    if (county != null && !COUNTY.matcher(county).matches()) {
      throw new PoisonEventException("county must be a 6-digit division code: " + county);
    }
  }
}
