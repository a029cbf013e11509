package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Language;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** A tenant's registered receiver; its secret is shown once, at registration, and never again. */
record WebhookEndpoint(UUID id, URI url, Language language, Instant createdAt) {}
