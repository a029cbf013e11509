package io.huoshui.credit.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the answer rules look at of a match.
 *
 * @param releasedCause why the matching service let the match go; null while it holds it
 * @param unanswered whether the bank has not answered it at all yet
 * @param requested the amount the demand asks for, as its latest version says
 */
record MatchState(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    Instant proposedAt,
    String releasedCause,
    boolean withdrawn,
    boolean interested,
    boolean declined,
    boolean approved,
    boolean unanswered,
    BigDecimal requested,
    Totals totals) {}
