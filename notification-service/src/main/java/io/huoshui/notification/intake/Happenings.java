package io.huoshui.notification.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What other services tell of, as far as notifications need it: the listener hands these to {@link
 * Outcomes} once an event's payload has been read and checked.
 */
final class Happenings {

  private Happenings() {}

  /** A demand submitted or changed: its title is what the county's texts name. */
  record ProjectDemand(UUID projectId, String county, String title, Integer version) {}

  record ProjectWithdrawn(UUID projectId, String county, String reason, Instant withdrawnAt) {}

  /** The anonymised demand a bank is shown. */
  record Demand(
      String industry,
      String enterpriseSize,
      BigDecimal amountRequested,
      Integer termMonths,
      String purpose) {}

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
      Demand demand) {}

  record Failure(String rule, Integer failedProducts) {}

  record NoMatch(
      UUID projectId, String county, Integer evaluatedProducts, List<Failure> failures) {}

  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String colour,
      LocalDate deadline) {}

  record MatchReleased(UUID matchId, UUID projectId, String cause) {}

  record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}

  /** What an answer carries beside its kind depends on the kind: the rest may be null. */
  record BankResponded(
      UUID responseId,
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String answer,
      BigDecimal amount,
      BigDecimal annualRate,
      Integer termMonths,
      String declineReason,
      String note,
      LocalDate disbursedOn,
      Totals totals) {}

  record CatalogProduct(
      UUID productId,
      String bankCode,
      String bankName,
      String name,
      String category,
      String change) {}

  /** About a county: the county is its subject. */
  record CatalogDigest(String county, Instant from, Instant to, List<CatalogProduct> products) {}
}
