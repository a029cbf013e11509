package io.huoshui.notification.notice;

import io.huoshui.service.security.TenantType;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A notification as its recipient reads it (API, stream and webhook body alike): the texts in one
 * language and the structured facts they were rendered from.
 */
public record RenderedNotification(
    UUID id,
    long seq,
    Kind kind,
    TenantType audienceType,
    String audienceId,
    String subject,
    String language,
    String title,
    String body,
    JsonNode data,
    Instant createdAt,
    Instant readAt) {}
