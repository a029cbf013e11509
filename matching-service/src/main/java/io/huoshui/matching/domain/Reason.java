package io.huoshui.matching.domain;

import java.math.BigDecimal;

/**
 * One part of a score, as shown to the county and to the bank.
 *
 * @param factor RATE, TAGS, AMOUNT_FIT, LOCALITY, TRACK_RECORD or FAIRNESS
 * @param points what the part contributed, two decimals
 * @param explanation why, in a sentence
 */
public record Reason(String factor, BigDecimal points, String explanation) {}
