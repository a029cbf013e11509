package io.huoshui.project.matchmaking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An event as the API answers it; in the operator's list with its totals, so that the intentions
 * flagged as unfollowed show beside each event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventView(
    UUID id,
    String title,
    LocalDate date,
    String venue,
    String region,
    String theme,
    List<String> banks,
    List<UUID> agenda,
    Instant createdAt,
    Reconciliation.Sums totals) {

  static EventView of(MatchmakingEvent event, Reconciliation.Sums totals) {
    return new EventView(
        event.id(),
        event.title(),
        event.date(),
        event.venue(),
        event.region(),
        event.theme(),
        event.banks(),
        event.agenda(),
        event.createdAt(),
        totals);
  }
}
