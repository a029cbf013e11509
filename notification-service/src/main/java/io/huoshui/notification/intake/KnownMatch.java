package io.huoshui.notification.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A match this service learnt of from MatchProposed: who holds which demand until when. */
record KnownMatch(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String productName,
    BigDecimal amountRequested,
    LocalDate deadline) {}
