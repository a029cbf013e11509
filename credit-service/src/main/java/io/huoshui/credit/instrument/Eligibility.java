package io.huoshui.credit.instrument;

import io.huoshui.credit.values.Region;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which loans an instrument serves. An empty list of industries, sizes or purposes leaves that
 * dimension open; every listed tag must be on the demand (a first-loan subsidy serves first loans
 * only). A null ceiling is none.
 *
 * @param regions where the enterprise must be: each region serves every county inside it
 * @param maxAmount the largest loan the instrument serves
 * @param maxTermMonths the longest term it serves
 */
public record Eligibility(
    @NotEmpty List<@NotNull @Region String> regions,
    List<@NotNull Industry> industries,
    List<@NotNull EnterpriseSize> enterpriseSizes,
    List<@NotNull Purpose> purposes,
    List<@NotNull Tag> tags,
    @Positive @Digits(integer = 13, fraction = 2) BigDecimal maxAmount,
    @Min(1) @Max(600) Integer maxTermMonths) {

  /** The same eligibility with every list present: what is stored and shown. */
  Eligibility complete() {
    return new Eligibility(
        regions.stream().distinct().toList(),
        distinct(industries),
        distinct(enterpriseSizes),
        distinct(purposes),
        distinct(tags),
        maxAmount,
        maxTermMonths);
  }

  private static <T> List<T> distinct(List<T> values) {
    return values == null ? List.of() : values.stream().distinct().toList();
  }
}
