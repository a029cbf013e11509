package io.huoshui.credit.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A match the matching service escalated: its colour and the deadline it now has. */
record Escalation(UUID matchId, String colour, LocalDate deadline, Instant escalatedAt) {}
