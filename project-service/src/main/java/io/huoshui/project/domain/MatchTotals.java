package io.huoshui.project.domain;

import java.math.BigDecimal;

/**
 * The amounts a bank's answers add up to: for one match as the bank reports them, or over all of a
 * demand's matches.
 */
public record MatchTotals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}
