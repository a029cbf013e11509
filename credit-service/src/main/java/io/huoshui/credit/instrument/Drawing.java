package io.huoshui.credit.instrument;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What one approval drew on one instrument.
 *
 * @param drawn the part of the instrument's budget the approval takes, to the cent
 */
public record Drawing(UUID instrumentId, BigDecimal drawn) {}
