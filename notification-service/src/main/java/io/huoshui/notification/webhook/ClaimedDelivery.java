package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Language;
import io.huoshui.notification.notice.Notification;
import java.util.UUID;

/**
 * A delivery leased for one attempt, with what the attempt needs; the endpoint's secret still
 * sealed, opened only to sign.
 *
 * @param attempts attempts made before this one, ever
 * @param roundAttempts attempts made before this one since it was scheduled or last replayed
 */
record ClaimedDelivery(
    UUID id,
    UUID endpointId,
    String url,
    String sealedSecret,
    Language language,
    int attempts,
    int roundAttempts,
    Notification notification) {}
