package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.Reason;
import io.huoshui.matching.domain.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A demand pushed to a bank's product, and what became of it.
 *
 * @param status PROPOSED (no answer yet), ANSWERED or RELEASED
 * @param colour the supervision colour reached while unanswered, null while on time
 * @param lastAnswer the bank's latest answer (INTEREST, DECLINE, APPROVAL, DISBURSEMENT)
 * @param releaseCause DECLINED, RED, WITHDRAWN or SUPERSEDED once released
 */
public record MatchRow(
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    String productName,
    Tier tier,
    int rank,
    BigDecimal score,
    List<Reason> reasons,
    String status,
    LocalDate deadline,
    Colour colour,
    Instant proposedAt,
    Instant firstAnswerAt,
    String lastAnswer,
    Instant releasedAt,
    String releaseCause) {

  public static final String PROPOSED = "PROPOSED";
  public static final String RELEASED = "RELEASED";

  public boolean isLive() {
    return !RELEASED.equals(status);
  }
}
