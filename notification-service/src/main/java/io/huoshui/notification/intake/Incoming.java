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
 * the event. Each payload hands its checked members on as a {@link Happenings} value.
 */
final class Incoming {

  private static final Pattern COUNTY = Pattern.compile("\\d{6}");

  private Incoming() {}

  /** ProjectSubmitted and ProjectUpdated: the demand's title is what the county's texts name. */
  record ProjectDemand(UUID projectId, String county, String title, Integer version) {
    Happenings.ProjectDemand happening() {
      return new Happenings.ProjectDemand(projectId, county, title, version);
    }

    ProjectDemand {
      requireDivisionCode(county);
    }
  }

  record ProjectWithdrawn(UUID projectId, String county, String reason, Instant withdrawnAt) {
    Happenings.ProjectWithdrawn happening() {
      return new Happenings.ProjectWithdrawn(projectId, county, reason, withdrawnAt);
    }

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
      String purpose) {
    Happenings.Demand happening() {
      return new Happenings.Demand(industry, enterpriseSize, amountRequested, termMonths, purpose);
    }
  }

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
      Demand demand) {
    Happenings.MatchProposed happening() {
      return new Happenings.MatchProposed(
          matchId,
          projectId,
          county,
          bankCode,
          productId,
          productName,
          tier,
          rank,
          score,
          deadline,
          demand.happening());
    }

    MatchProposed {
      requireDivisionCode(county);
    }
  }

  record Failure(String rule, Integer failedProducts) {
    Happenings.Failure happening() {
      return new Happenings.Failure(rule, failedProducts);
    }
  }

  record NoMatch(UUID projectId, String county, Integer evaluatedProducts, List<Failure> failures) {
    Happenings.NoMatch happening() {
      return new Happenings.NoMatch(
          projectId, county, evaluatedProducts, failures.stream().map(Failure::happening).toList());
    }

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
      LocalDate deadline) {
    Happenings.MatchEscalated happening() {
      return new Happenings.MatchEscalated(
          matchId, projectId, county, bankCode, productId, colour, deadline);
    }

    MatchEscalated {
      requireDivisionCode(county);
    }
  }

  record MatchReleased(UUID matchId, UUID projectId, String cause) {
    Happenings.MatchReleased happening() {
      return new Happenings.MatchReleased(matchId, projectId, cause);
    }
  }

  record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {
    Happenings.Totals happening() {
      return new Happenings.Totals(intended, approved, disbursed);
    }
  }

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
      Totals totals) {
    Happenings.BankResponded happening() {
      return new Happenings.BankResponded(
          responseId,
          matchId,
          projectId,
          county,
          bankCode,
          productId,
          answer,
          amount,
          annualRate,
          termMonths,
          declineReason,
          note,
          disbursedOn,
          totals.happening());
    }

    BankResponded {
      requireDivisionCode(county);
    }
  }

  record CatalogProduct(
      UUID productId,
      String bankCode,
      String bankName,
      String name,
      String category,
      String change) {
    Happenings.CatalogProduct happening() {
      return new Happenings.CatalogProduct(productId, bankCode, bankName, name, category, change);
    }
  }

  /** About a county: the county is its subject and its key. */
  record CatalogDigest(String county, Instant from, Instant to, List<CatalogProduct> products) {
    Happenings.CatalogDigest happening() {
      return new Happenings.CatalogDigest(
          county, from, to, products.stream().map(CatalogProduct::happening).toList());
    }

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
