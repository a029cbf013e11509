package io.huoshui.credit.inbox;

import io.huoshui.service.security.Actor;
import io.huoshui.vocabulary.DeclineReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One accepted answer of a bank to a match.
 *
 * @param amount INTEREST: indicative; APPROVAL: approved; DISBURSEMENT: this tranche
 * @param actor the bank's client that answered, and its request; null for an answer kept before the
 *     network recorded who answered
 */
record BankResponse(
    UUID responseId,
    UUID matchId,
    Answer answer,
    BigDecimal amount,
    BigDecimal annualRate,
    Integer termMonths,
    DeclineReason reasonCode,
    String note,
    String overRequestReason,
    LocalDate disbursedOn,
    Instant respondedAt,
    Actor actor) {}
