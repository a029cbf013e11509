package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Language;
import io.huoshui.notification.notice.Notification;
import java.util.UUID;

/**
 * A delivery leased for one attempt, with what the attempt needs.
 *
 * @param attempts attempts made before this one, ever
 * @param roundAttempts attempts made before this one since it was scheduled or last replayed
 */
record ClaimedDelivery(
    UUID id,
    UUID endpointId,
    String url,
    String secret,
    Language language,
    int attempts,
    int roundAttempts,
    Notification notification) {}
