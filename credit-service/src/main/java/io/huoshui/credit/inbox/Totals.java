package io.huoshui.credit.inbox;

import java.math.BigDecimal;

/** What a bank has declared of a match so far: intended, approved and disbursed amounts. */
record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}
