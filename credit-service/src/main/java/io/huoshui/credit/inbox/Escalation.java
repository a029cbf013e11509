package io.huoshui.credit.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A match the matching service escalated: its colour, the stage the bank is late at (null: the
 * first answer) and the deadline it now has.
 */
record Escalation(
    UUID matchId,
    String colour,
    String stage,
    LocalDate deadline,
    Instant escalatedAt,
    String escalateTo) {}
