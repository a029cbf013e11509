package io.huoshui.credit.instrument;

import io.huoshui.vocabulary.InstrumentKind;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What one approval drew on one instrument, with the instrument's kind, name and issuer as they
 * stood at the approval, so that a reader of the answer (the county's quarterly pack) names the
 * public money without keeping the catalog.
 *
 * @param drawn the part of the instrument's budget the approval takes, to the cent
 */
public record Drawing(
    UUID instrumentId, InstrumentKind kind, String name, String issuerRegion, BigDecimal drawn) {}
