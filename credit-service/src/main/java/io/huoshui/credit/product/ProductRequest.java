package io.huoshui.credit.product;

import io.huoshui.credit.values.Region;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.ApiProblem.Violation;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a bank publishes or replaces a product with. Money has at most two decimals, rates (percent
 * per year) at most three; the rules between fields are in {@link #requireConsistent()}.
 *
 * @param decisionWorkingDays working days the bank gives itself for a credit decision after
 *     INTEREST; null leaves the network's default
 * @param disbursementWorkingDays working days for a first disbursement after APPROVAL; null leaves
 *     the network's default
 * @param greenTerms per green kind among its collateral, at most once each, the pledge ratio and
 *     the valuations it lends on; null or empty: it lends on the kinds alone
 */
public record ProductRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull ProductCategory category,
    @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal minAmount,
    @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal maxAmount,
    @NotNull @Min(1) @Max(600) Integer minTermMonths,
    @NotNull @Min(1) @Max(600) Integer maxTermMonths,
    @NotNull @DecimalMin("0") @DecimalMax("36") @Digits(integer = 2, fraction = 3)
        BigDecimal minAnnualRate,
    @NotNull @DecimalMin("0") @DecimalMax("36") @Digits(integer = 2, fraction = 3)
        BigDecimal maxAnnualRate,
    @NotEmpty List<@NotNull Industry> industries,
    @NotEmpty List<@NotNull EnterpriseSize> enterpriseSizes,
    @NotEmpty List<@NotNull @Region String> regions,
    @NotNull List<@NotNull Collateral> collateral,
    List<@NotNull Tag> tags,
    @NotNull LocalDate validFrom,
    LocalDate validTo,
    @Positive @Digits(integer = 13, fraction = 2) BigDecimal budget,
    @Min(1) @Max(60) Integer decisionWorkingDays,
    @Min(1) @Max(60) Integer disbursementWorkingDays,
    @Size(max = 3) List<@NotNull @Valid GreenTerms> greenTerms) {

  /** Tags are optional in a request and travel as an empty list. */
  public List<Tag> tagsOrNone() {
    return tags == null ? List.of() : tags;
  }

  /** Green terms are optional and travel as an empty list. */
  public List<GreenTerms> greenTermsOrNone() {
    return greenTerms == null ? List.of() : greenTerms;
  }

  /** Throws a 400 naming every field that contradicts another one. */
  public ProductRequest requireConsistent() {
    List<Violation> errors = new ArrayList<>();
    if (minAmount.compareTo(maxAmount) > 0) {
      errors.add(new Violation("minAmount", "不得高于 maxAmount", "must not be above maxAmount"));
    }
    if (minTermMonths > maxTermMonths) {
      errors.add(
          new Violation("minTermMonths", "不得高于 maxTermMonths", "must not be above maxTermMonths"));
    }
    if (minAnnualRate.compareTo(maxAnnualRate) > 0) {
      errors.add(
          new Violation("minAnnualRate", "不得高于 maxAnnualRate", "must not be above maxAnnualRate"));
    }
    if (validTo != null && validFrom.isAfter(validTo)) {
      errors.add(new Violation("validFrom", "不得晚于 validTo", "must not be after validTo"));
    }
    if (collateral.contains(Collateral.NONE)) {
      errors.add(
          new Violation(
              "collateral",
              "信用贷款不列担保：请留空列表，不要填 NONE",
              "a credit loan lists no collateral: leave the list empty, not NONE"));
    }
    greenTermsConsistent(errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return this;
  }

  /** Each green term is of a green kind the product takes, each kind once. */
  private void greenTermsConsistent(List<Violation> errors) {
    Set<Collateral> stated = EnumSet.noneOf(Collateral.class);
    List<GreenTerms> terms = greenTermsOrNone();
    for (int i = 0; i < terms.size(); i++) {
      Collateral kind = terms.get(i).kind();
      String field = "greenTerms[%d].kind".formatted(i);
      if (!kind.isGreenRight()) {
        errors.add(
            new Violation(
                field,
                "须为 WATER_RIGHTS、CARBON_QUOTA 或 EMISSION_RIGHTS",
                "must be WATER_RIGHTS, CARBON_QUOTA or EMISSION_RIGHTS"));
      } else if (!collateral.contains(kind)) {
        errors.add(
            new Violation(field, "须为该产品接受的担保方式之一", "must be one of the product's collateral"));
      } else if (!stated.add(kind)) {
        errors.add(new Violation(field, "每种质押物只能列一次", "must name each kind once"));
      }
    }
  }
}
