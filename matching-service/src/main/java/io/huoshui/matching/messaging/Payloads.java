package io.huoshui.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.Product;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The members of consumed events that matching reads (docs/events.md); every other member is
 * ignored, so producers may add some. A payload that lacks one of them, or is about another
 * aggregate than the record's key, is poison.
 */
final class Payloads {

  private Payloads() {}

  static void require(EventEnvelope event, UUID subject, Object... members) {
    if (subject == null || Arrays.asList(members).contains(null)) {
      throw new PoisonEventException(
          "%s %s lacks a member matching needs".formatted(event.type(), event.id()));
    }
    if (!Objects.equals(subject.toString(), event.subject())) {
      throw new PoisonEventException(
          "%s %s is about %s but keyed %s"
              .formatted(event.type(), event.id(), subject, event.subject()));
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Enterprise(EnterpriseSize size) {}

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
      Long version) {

    Demand demand(EventEnvelope event) {
      require(
          event,
          projectId,
          county,
          enterprise,
          enterprise == null ? null : enterprise.size(),
          industry,
          purpose,
          amountRequested,
          termMonths,
          collateral,
          tags,
          submittedAt,
          version);
      return new Demand(
          projectId,
          county,
          industry,
          enterprise.size(),
          purpose,
          amountRequested,
          termMonths,
          collateral,
          tags);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProjectWithdrawn(UUID projectId, Long version) {

    ProjectWithdrawn checked(EventEnvelope event) {
      require(event, projectId, version);
      return this;
    }
  }

  /** ProductPublished, ProductUpdated and ProductRetired: the full product. */
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
      LocalDate validTo,
      BigDecimal remainingBudget,
      String status,
      Long version) {

    Product product(EventEnvelope event) {
      require(
          event,
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
          status,
          version);
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
          version);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record BankResponded(
      UUID matchId, UUID projectId, String bankCode, String answer, Instant respondedAt) {

    BankResponded checked(EventEnvelope event) {
      require(event, projectId, matchId, bankCode, answer, respondedAt);
      if (!List.of("INTEREST", "DECLINE", "APPROVAL", "DISBURSEMENT").contains(answer)) {
        throw new PoisonEventException(
            "%s %s has an unknown answer %s".formatted(event.type(), event.id(), answer));
      }
      return this;
    }
  }
}
