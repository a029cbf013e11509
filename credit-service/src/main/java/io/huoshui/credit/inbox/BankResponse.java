package io.huoshui.credit.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One accepted answer of a bank to a match.
 *
 * @param amount INTEREST: indicative; APPROVAL: approved; DISBURSEMENT: this tranche
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
    Instant respondedAt) {}
