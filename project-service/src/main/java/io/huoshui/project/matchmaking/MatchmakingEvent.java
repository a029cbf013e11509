package io.huoshui.project.matchmaking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A matchmaking event (政银企对接会) of a financial office, its invited banks and its agenda. */
public record MatchmakingEvent(
    UUID id,
    String region,
    String title,
    LocalDate date,
    String venue,
    String theme,
    List<String> banks,
    List<UUID> agenda,
    Instant createdAt) {}
