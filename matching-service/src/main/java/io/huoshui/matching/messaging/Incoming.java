package io.huoshui.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.huoshui.eventing.MayBeAbsent;
import io.huoshui.matching.domain.BankAnswer;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.GreenPledge;
import io.huoshui.matching.domain.GreenTerms;
import io.huoshui.matching.domain.Instrument;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.Product;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.PledgeValuation;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The members of consumed events that matching reads (docs/events.md); every other member is
 * ignored, so producers may add some. The event consumer turns away as poison a payload that lacks
 * a member not marked {@link MayBeAbsent}, or that is about another aggregate than its key.
 */
final class Incoming {

  private Incoming() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Enterprise(EnterpriseSize size) {}

  /** A green pledge the demand details; its licence number stays with the county. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Pledge(
      Collateral kind,
      BigDecimal quantity,
      String unit,
      LocalDate validUntil,
      @MayBeAbsent BigDecimal unitPrice,
      @MayBeAbsent BigDecimal valuation) {

    GreenPledge pledge() {
      return new GreenPledge(kind, quantity, unit, validUntil, unitPrice, valuation);
    }
  }

  /** ProjectSubmitted and ProjectUpdated: the full demand, of which matching keeps no identity. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProjectChanged(
      UUID projectId,
      String county,
      Enterprise enterprise,
      Industry industry,
      Purpose purpose,
      BigDecimal amountRequested,
      Integer termMonths,
      Set<Collateral> collateral,
      Set<Tag> tags,
      Instant submittedAt,
      Long version,
      @MayBeAbsent List<Pledge> greenPledges) {

    Demand demand() {
      return new Demand(
          projectId,
          county,
          industry,
          enterprise.size(),
          purpose,
          amountRequested,
          termMonths,
          collateral,
          tags,
          greenPledges == null ? List.of() : greenPledges.stream().map(Pledge::pledge).toList());
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProjectWithdrawn(UUID projectId, Long version) {}

  /**
   * ProductPublished, ProductUpdated and ProductRetired: the full product, with the bank's own
   * stage clocks where it states them.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProductChanged(
      UUID productId,
      String bankCode,
      String name,
      ProductCategory category,
      BigDecimal minAmount,
      BigDecimal maxAmount,
      Integer minTermMonths,
      Integer maxTermMonths,
      BigDecimal minAnnualRate,
      BigDecimal maxAnnualRate,
      Set<Industry> industries,
      Set<EnterpriseSize> enterpriseSizes,
      List<String> regions,
      Set<Collateral> collateral,
      Set<Tag> tags,
      LocalDate validFrom,
      @MayBeAbsent LocalDate validTo,
      @MayBeAbsent BigDecimal remainingBudget,
      String status,
      Long version,
      @MayBeAbsent Integer decisionWorkingDays,
      @MayBeAbsent Integer disbursementWorkingDays,
      @MayBeAbsent List<Terms> greenTerms) {

    Product product() {
      return new Product(
          productId,
          bankCode,
          name,
          category,
          minAmount,
          maxAmount,
          minTermMonths,
          maxTermMonths,
          minAnnualRate,
          maxAnnualRate,
          industries,
          enterpriseSizes,
          regions,
          collateral,
          tags,
          validFrom,
          validTo,
          remainingBudget,
          "ACTIVE".equals(status),
          version,
          decisionWorkingDays,
          disbursementWorkingDays,
          greenTerms == null ? List.of() : greenTerms.stream().map(Terms::terms).toList());
    }
  }

  /** What a product lends on one green kind. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Terms(Collateral kind, BigDecimal pledgeRatio, Set<PledgeValuation> valuations) {

    GreenTerms terms() {
      return new GreenTerms(kind, pledgeRatio, valuations);
    }
  }

  /** Which loans an instrument serves; an absent ceiling is none. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Eligibility(
      List<String> regions,
      Set<Industry> industries,
      Set<EnterpriseSize> enterpriseSizes,
      Set<Purpose> purposes,
      Set<Tag> tags,
      @MayBeAbsent BigDecimal maxAmount,
      @MayBeAbsent Integer maxTermMonths) {}

  /** What an instrument gives: each kind states only its own members. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Benefit(
      @MayBeAbsent BigDecimal subsidyPoints,
      @MayBeAbsent BigDecimal subsidyCeiling,
      @MayBeAbsent BigDecimal coverageRatio,
      @MayBeAbsent BigDecimal feeRate,
      @MayBeAbsent BigDecimal lossShare) {}

  /** InstrumentPublished, InstrumentUpdated and InstrumentRetired: the full instrument. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record InstrumentChanged(
      UUID instrumentId,
      InstrumentKind kind,
      String issuerRegion,
      String name,
      Eligibility eligibility,
      Benefit benefit,
      BigDecimal remainingBudget,
      LocalDate validFrom,
      @MayBeAbsent LocalDate validTo,
      String status,
      Long version) {

    Instrument instrument() {
      return new Instrument(
          instrumentId,
          kind,
          issuerRegion,
          name,
          eligibility.regions(),
          eligibility.industries(),
          eligibility.enterpriseSizes(),
          eligibility.purposes(),
          eligibility.tags(),
          eligibility.maxAmount(),
          eligibility.maxTermMonths(),
          benefit.subsidyPoints(),
          benefit.subsidyCeiling(),
          benefit.coverageRatio(),
          benefit.feeRate(),
          benefit.lossShare(),
          remainingBudget,
          validFrom,
          validTo,
          "ACTIVE".equals(status),
          version);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProjectClosed(UUID projectId, Long version) {}

  /** The match's sums after an answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Totals(BigDecimal approved, BigDecimal disbursed) {}

  /** A bank's answer; an answer matching does not know is poison. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BankResponded(
      UUID matchId,
      UUID projectId,
      String bankCode,
      Match.Answer answer,
      @MayBeAbsent String declineReason,
      Instant respondedAt,
      Totals totals) {

    BankAnswer bankAnswer() {
      return new BankAnswer(
          matchId, answer, totals.approved(), totals.disbursed(), declineReason, respondedAt);
    }
  }
}
