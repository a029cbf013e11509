package io.huoshui.notification.notice;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A stored notification.
 *
 * @param seq its number within its audience: 1, 2, 3... in the order they became visible
 */
public record Notification(
    UUID id,
    Audience audience,
    long seq,
    Kind kind,
    String subject,
    String county,
    JsonNode data,
    Instant createdAt,
    Instant readAt) {}
