package io.huoshui.project.matchmaking;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A demand of the event's region that the office puts on the event's agenda. */
record AgendaRequest(@NotNull UUID projectId) {}
