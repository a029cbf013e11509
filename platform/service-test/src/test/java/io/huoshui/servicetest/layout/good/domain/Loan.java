package io.huoshui.servicetest.layout.good.domain;

import java.math.BigDecimal;

/** A domain value of the well-laid-out fixture service. */
public record Loan(String county, BigDecimal amount) {}
