package io.huoshui.notification.notice;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A notification as its recipient reads it (API, stream and webhook body alike): the texts in one
 * language and the structured facts they were rendered from.
 */
public record NotificationView(
    UUID id,
    long seq,
    Kind kind,
    AudienceType audienceType,
    String audienceId,
    String subject,
    String language,
    String title,
    String body,
    JsonNode data,
    Instant createdAt,
    Instant readAt) {}
