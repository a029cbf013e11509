package io.huoshui.credit.inbox;

import java.time.Instant;
import java.util.UUID;

/** A county withdrew its demand; its matches take no more answers. */
record Withdrawal(UUID projectId, String reason, Instant withdrawnAt, Integer version) {}
