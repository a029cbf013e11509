package io.huoshui.project.matchmaking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One invited bank and one demand on an event's agenda, where the bank signed an intention for the
 * demand or has lent on it: what it signed, and what it approved and disbursed as credit-service
 * last reported its answers.
 *
 * @param signed the intention's amount; null when the bank signed none for the demand
 * @param approved the bank's approved totals over its matches of the demand
 * @param disbursed the bank's disbursed totals over its matches of the demand
 * @param firstApprovalAt the bank's first approval of the demand on or after the event's day
 */
record EventLine(
    UUID eventId,
    String region,
    String eventTitle,
    LocalDate heldOn,
    String bankCode,
    UUID projectId,
    String county,
    String title,
    BigDecimal signed,
    Instant signedAt,
    BigDecimal approved,
    BigDecimal disbursed,
    Instant firstApprovalAt) {}
