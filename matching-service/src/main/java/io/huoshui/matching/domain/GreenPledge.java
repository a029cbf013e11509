package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pledge of rights a demand details (取水证, 碳配额, 排污权) as matching reads it. The licence or account
 * number stays with the county: a bank reads a match before it may know the enterprise, and the
 * number would name it.
 *
 * @param quantity what is licensed or held, in {@code unit} (m³ a year, tCO2e, t)
 * @param validUntil the licence's last day
 * @param unitPrice CNY per unit, null when the enterprise's valuation is given instead
 * @param valuation the enterprise's valuation of the whole, CNY, null when a unit price is given
 */
public record GreenPledge(
    Collateral kind,
    BigDecimal quantity,
    String unit,
    LocalDate validUntil,
    BigDecimal unitPrice,
    BigDecimal valuation) {

  /** Whether the licence still holds on the loan's last day, the term counted from the day. */
  boolean coversTerm(LocalDate day, int termMonths) {
    return !validUntil.isBefore(day.plusMonths(termMonths));
  }

  /** The licence's name for the sentences a county reads. */
  String licenceChinese() {
    return switch (kind) {
      case WATER_RIGHTS -> "取水许可证";
      case CARBON_QUOTA -> "碳排放配额";
      case EMISSION_RIGHTS -> "排污许可证";
      default -> kind.name();
    };
  }

  String licenceEnglish() {
    return switch (kind) {
      case WATER_RIGHTS -> "water-abstraction permit";
      case CARBON_QUOTA -> "carbon quota";
      case EMISSION_RIGHTS -> "emission permit";
      default -> kind.name();
    };
  }
}
