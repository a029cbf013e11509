package io.huoshui.matching.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A bank's answer to a match, with the match's sums after it as credit-service counts them.
 *
 * @param approved what the bank has approved for the match in all
 * @param disbursed what the bank has paid out for the match in all
 * @param declineReason DECLINE only: the bank's reason, as credit-service names it
 */
public record BankAnswer(
    UUID matchId,
    Match.Answer answer,
    BigDecimal approved,
    BigDecimal disbursed,
    String declineReason,
    Instant respondedAt) {}
