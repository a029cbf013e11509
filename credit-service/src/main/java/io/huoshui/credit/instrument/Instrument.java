package io.huoshui.credit.instrument;

import io.huoshui.vocabulary.InstrumentKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A policy instrument as the API shows it and as its events carry it: one shape for both, as for
 * products.
 *
 * @param issuerRegion the division code of the government that funds it, and whose financial office
 *     manages it
 * @param drawn what approvals have drawn on the budget
 * @param remainingBudget what drawings have left of the budget
 */
public record Instrument(
    UUID instrumentId,
    InstrumentKind kind,
    String issuerRegion,
    String name,
    Eligibility eligibility,
    Benefit benefit,
    BigDecimal budget,
    BigDecimal drawn,
    BigDecimal remainingBudget,
    LocalDate validFrom,
    LocalDate validTo,
    InstrumentStatus status,
    int version) {

  /** Whether an enterprise of the county is within the instrument's regions. */
  public boolean serves(String county) {
    return eligibility.regions().stream().anyMatch(county::startsWith);
  }
}
