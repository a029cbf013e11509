package io.huoshui.project.matchmaking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A bank's intention signed at an event for a demand on its agenda. */
public record Intention(
    UUID eventId, UUID projectId, String bankCode, BigDecimal amount, Instant signedAt) {}
