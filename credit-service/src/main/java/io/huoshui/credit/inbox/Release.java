package io.huoshui.credit.inbox;

import java.time.Instant;
import java.util.UUID;

/** A match the matching service let go of, and why. */
record Release(UUID matchId, String cause, Instant releasedAt) {}
