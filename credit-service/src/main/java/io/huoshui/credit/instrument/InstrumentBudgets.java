package io.huoshui.credit.instrument;

import io.huoshui.vocabulary.InstrumentKind;
import java.math.BigDecimal;

/**
 * The active instruments of one kind and issuer region, summed.
 *
 * @param low how many of them have less than a tenth of their budget left
 */
record InstrumentBudgets(
    InstrumentKind kind, String issuerRegion, BigDecimal budget, BigDecimal remaining, long low) {}
