package io.huoshui.project.api;

import io.huoshui.project.domain.Step;
import io.huoshui.project.domain.TimelineEntry;
import java.time.Instant;

/**
 * One step of a demand as the audit trail records it: when, which client on which request, and
 * which service took or reported it. Client and request are null for a step no request took (a
 * supervision notice, matching's own decisions) and for steps recorded before they were kept.
 */
record AuditView(Step step, Instant at, String clientId, String requestId, String service) {

  static AuditView of(TimelineEntry entry) {
    return new AuditView(
        entry.step(),
        entry.at(),
        entry.actor() == null ? null : entry.actor().clientId(),
        entry.actor() == null ? null : entry.actor().requestId(),
        entry.service());
  }
}
