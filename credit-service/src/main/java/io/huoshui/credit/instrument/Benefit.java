package io.huoshui.credit.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.vocabulary.InstrumentKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * What the instrument gives a loan it serves; each kind takes its own members and no other's, and a
 * member the kind does not take is absent from what is shown.
 *
 * @param subsidyPoints INTEREST_SUBSIDY: percentage points of annual interest the issuer pays
 * @param subsidyCeiling INTEREST_SUBSIDY, optional: the most subsidy one loan receives in all
 * @param coverageRatio GUARANTEE: the percentage of the loan the fund guarantees
 * @param feeRate GUARANTEE: the guarantee fee, percent per year of the guaranteed amount
 * @param lossShare RISK_COMPENSATION: the percentage of a bank's loss the pool bears
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benefit(
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("36") @Digits(integer = 2, fraction = 3)
        BigDecimal subsidyPoints,
    @Positive @Digits(integer = 13, fraction = 2) BigDecimal subsidyCeiling,
    @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        BigDecimal coverageRatio,
    @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 3) BigDecimal feeRate,
    @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        BigDecimal lossShare) {

  /** The percentage the kind's draw is taken at: points a year, coverage or loss share. */
  BigDecimal percentageOf(InstrumentKind kind) {
    return switch (kind) {
      case INTEREST_SUBSIDY -> subsidyPoints;
      case GUARANTEE -> coverageRatio;
      case RISK_COMPENSATION -> lossShare;
    };
  }
}
