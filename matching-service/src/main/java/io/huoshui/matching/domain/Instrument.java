package io.huoshui.matching.domain;

import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A policy instrument (贴息, 政府性融资担保, 风险补偿资金池) as matching sees it: whom it serves and what it gives.
 * Empty industries, sizes or purposes leave that dimension open; every listed tag must be on the
 * demand.
 *
 * @param regions division codes of the enterprises it serves; each covers every county it prefixes
 * @param maxAmount the largest loan it serves, null for no ceiling
 * @param maxTermMonths the longest term it serves, null for no ceiling
 * @param subsidyPoints INTEREST_SUBSIDY: percentage points of annual interest the issuer pays
 * @param subsidyCeiling INTEREST_SUBSIDY: the most one loan receives in all, null for none
 * @param coverageRatio GUARANTEE: the percentage of the loan the fund guarantees
 * @param feeRate GUARANTEE: the fee, percent a year of the guaranteed amount
 * @param lossShare RISK_COMPENSATION: the percentage of a bank's loss the pool bears
 * @param remainingBudget what approvals have left of its budget
 * @param validTo its last day, null when open-ended
 */
public record Instrument(
    UUID instrumentId,
    InstrumentKind kind,
    String issuerRegion,
    String name,
    List<String> regions,
    Set<Industry> industries,
    Set<EnterpriseSize> enterpriseSizes,
    Set<Purpose> purposes,
    Set<Tag> tags,
    BigDecimal maxAmount,
    Integer maxTermMonths,
    BigDecimal subsidyPoints,
    BigDecimal subsidyCeiling,
    BigDecimal coverageRatio,
    BigDecimal feeRate,
    BigDecimal lossShare,
    BigDecimal remainingBudget,
    LocalDate validFrom,
    LocalDate validTo,
    boolean active,
    long version) {

  public Instrument {
    regions = List.copyOf(regions);
    industries = Set.copyOf(industries);
    enterpriseSizes = Set.copyOf(enterpriseSizes);
    purposes = Set.copyOf(purposes);
    tags = Set.copyOf(tags);
  }

  /**
   * Whether the demand is eligible on the day and the budget left covers what its loan would draw,
   * so that a bank's approval naming the instrument is not refused for want of budget.
   */
  boolean serves(Demand demand, LocalDate today) {
    return active
        && !today.isBefore(validFrom)
        && (validTo == null || !today.isAfter(validTo))
        && regions.stream().anyMatch(demand.county()::startsWith)
        && (industries.isEmpty() || industries.contains(demand.industry()))
        && (enterpriseSizes.isEmpty() || enterpriseSizes.contains(demand.enterpriseSize()))
        && (purposes.isEmpty() || purposes.contains(demand.purpose()))
        && demand.tags().containsAll(tags)
        && (maxAmount == null || demand.amountRequested().compareTo(maxAmount) <= 0)
        && (maxTermMonths == null || demand.termMonths() <= maxTermMonths)
        && drawFor(demand).compareTo(remainingBudget) <= 0;
  }

  /** What the demand's loan, approved in full, would take of the budget. */
  BigDecimal drawFor(Demand demand) {
    BigDecimal percentage =
        switch (kind) {
          case INTEREST_SUBSIDY -> subsidyPoints;
          case GUARANTEE -> coverageRatio;
          case RISK_COMPENSATION -> lossShare;
        };
    return kind.draw(demand.amountRequested(), demand.termMonths(), percentage, subsidyCeiling);
  }
}
