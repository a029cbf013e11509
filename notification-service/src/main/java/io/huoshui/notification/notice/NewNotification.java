package io.huoshui.notification.notice;

import java.util.Map;

/**
 * A notification to be written.
 *
 * @param subject the demand it is about (a catalog digest: the county); webhook deliveries of one
 *     subject to one endpoint keep their order
 * @param county the county it concerns, for the operators' view of parked deliveries
 * @param origin what caused it (an event id, a reminder's key): the same origin and kind make one
 *     notification per audience however often it is replayed
 * @param data the structured facts, the texts' placeholders by name
 */
public record NewNotification(
    Audience audience,
    Kind kind,
    String subject,
    String county,
    String origin,
    Map<String, Object> data) {}
