package io.huoshui.notification.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The fields of the consumed events (docs/events.md) that notifications need; the rest is ignored
 * (tolerant reader). A payload without a field it cannot do without is poison: the constructors
 * refuse it and the event goes to the dead-letter topic.
 */
final class Payloads {

  private static final Pattern COUNTY = Pattern.compile("\\d{6}");

  private Payloads() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Demand(
      String industry,
      String enterpriseSize,
      BigDecimal amountRequested,
      Integer termMonths,
      String purpose) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
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
    MatchProposed {
      required(matchId, "matchId");
      required(projectId, "projectId");
      requireCounty(county);
      required(bankCode, "bankCode");
      required(productId, "productId");
      required(productName, "productName");
      demand = demand != null ? demand : new Demand(null, null, null, null, null);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Failure(String rule, Integer failedProducts) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record NoMatch(UUID projectId, String county, Integer evaluatedProducts, List<Failure> failures) {
    NoMatch {
      required(projectId, "projectId");
      requireCounty(county);
      failures = failures != null ? List.copyOf(failures) : List.of();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String colour,
      LocalDate deadline) {
    MatchEscalated {
      required(matchId, "matchId");
      required(projectId, "projectId");
      requireCounty(county);
      required(bankCode, "bankCode");
      required(colour, "colour");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MatchReleased(UUID matchId, UUID projectId, String cause) {
    MatchReleased {
      required(matchId, "matchId");
      required(cause, "cause");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
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
      Totals totals) {
    BankResponded {
      required(matchId, "matchId");
      required(projectId, "projectId");
      requireCounty(county);
      required(bankCode, "bankCode");
      required(answer, "answer");
      totals = totals != null ? totals : new Totals(null, null, null);
    }
  }

  /** ProjectSubmitted and ProjectUpdated: the demand's title is what the county's texts name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProjectDemand(UUID projectId, String county, String title, Integer version) {
    ProjectDemand {
      required(projectId, "projectId");
      requireCounty(county);
      required(title, "title");
      required(version, "version");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ProjectWithdrawn(UUID projectId, String county, String reason, Instant withdrawnAt) {
    ProjectWithdrawn {
      required(projectId, "projectId");
      requireCounty(county);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CatalogProduct(
      UUID productId,
      String bankCode,
      String bankName,
      String name,
      String category,
      String change) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CatalogDigest(String county, Instant from, Instant to, List<CatalogProduct> products) {
    CatalogDigest {
      requireCounty(county);
      products = products != null ? List.copyOf(products) : List.of();
    }
  }

  private static void required(Object value, String field) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  private static void requireCounty(String county) {
    if (county == null || !COUNTY.matcher(county).matches()) {
      throw new IllegalArgumentException("county must be a 6-digit division code: " + county);
    }
  }
}
