package io.huoshui.project.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a bank's approval drew on one policy instrument, as credit-service announced it.
 *
 * @param kind INTEREST_SUBSIDY, GUARANTEE or RISK_COMPENSATION; null, as name and issuer region,
 *     for an approval announced before credit-service told them
 * @param drawn what the approval took of the instrument's budget
 */
public record InstrumentDraw(
    UUID instrumentId, String kind, String name, String issuerRegion, BigDecimal drawn) {}
