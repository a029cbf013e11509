package io.huoshui.credit.instrument;

import io.huoshui.credit.values.Region;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.ApiProblem.Violation;
import io.huoshui.vocabulary.InstrumentKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a financial office issues or replaces a policy instrument with; the rules between fields,
 * and which benefit members each kind takes, are in {@link #requireConsistent()}.
 *
 * @param issuerRegion the division code of the government that funds it: the operator's own region
 *     or one inside it
 * @param budget what the instrument may spend (subsidy), guarantee (fund) or compensate (pool)
 * @param validTo the last day it serves a loan; null until it is retired
 */
public record InstrumentRequest(
    @NotNull InstrumentKind kind,
    @NotNull @Region String issuerRegion,
    @NotBlank @Size(max = 200) String name,
    @NotNull @Valid Eligibility eligibility,
    @NotNull @Valid Benefit benefit,
    @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal budget,
    @NotNull LocalDate validFrom,
    LocalDate validTo) {

  /** Throws a 400 naming every field that contradicts another one or the instrument's kind. */
  public InstrumentRequest requireConsistent() {
    List<Violation> errors = new ArrayList<>();
    benefitOfKind(errors);
    if (validTo != null && validFrom.isAfter(validTo)) {
      errors.add(new Violation("validFrom", "不得晚于 validTo", "must not be after validTo"));
    }
    List<String> regions = eligibility.regions();
    for (int i = 0; i < regions.size(); i++) {
      if (!regions.get(i).startsWith(issuerRegion)) {
        errors.add(
            new Violation(
                "eligibility.regions[" + i + "]",
                "须在发行地区 %s 之内".formatted(issuerRegion),
                "must lie inside the issuer's region %s".formatted(issuerRegion)));
      }
    }
    if (benefit.subsidyCeiling() != null && benefit.subsidyCeiling().compareTo(budget) > 0) {
      errors.add(new Violation("benefit.subsidyCeiling", "不得高于预算", "must not be above the budget"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return this;
  }

  private void benefitOfKind(List<Violation> errors) {
    boolean subsidy = kind == InstrumentKind.INTEREST_SUBSIDY;
    boolean guarantee = kind == InstrumentKind.GUARANTEE;
    boolean pool = kind == InstrumentKind.RISK_COMPENSATION;
    taken(errors, "subsidyPoints", benefit.subsidyPoints(), subsidy, true);
    taken(errors, "subsidyCeiling", benefit.subsidyCeiling(), subsidy, false);
    taken(errors, "coverageRatio", benefit.coverageRatio(), guarantee, true);
    taken(errors, "feeRate", benefit.feeRate(), guarantee, true);
    taken(errors, "lossShare", benefit.lossShare(), pool, true);
  }

  private void taken(
      List<Violation> errors, String member, Object value, boolean ofKind, boolean required) {
    String field = "benefit." + member;
    if (ofKind && required && value == null) {
      errors.add(
          new Violation(field, "%s 须填写".formatted(kind), "is required for %s".formatted(kind)));
    } else if (!ofKind && value != null) {
      errors.add(
          new Violation(field, "%s 不含此项".formatted(kind), "is not part of %s".formatted(kind)));
    }
  }
}
