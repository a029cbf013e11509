package io.huoshui.project.matchmaking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event's figures as the quarterly pack gives them: signed, approved and disbursed on its
 * agenda's demands, its intentions and how many of them are flagged as unfollowed.
 */
public record EventTotals(
    UUID eventId,
    String title,
    LocalDate date,
    String region,
    BigDecimal signed,
    BigDecimal approved,
    BigDecimal disbursed,
    long intentions,
    long unfollowed) {}
