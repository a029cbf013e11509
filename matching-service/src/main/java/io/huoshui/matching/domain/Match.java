package io.huoshui.matching.domain;

import io.huoshui.vocabulary.DeclineReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A demand pushed to a bank's product, and what became of it.
 *
 * @param rank the match's place among all of its demand's matches, released ones included
 * @param deadline when the running stage is due
 * @param colour the supervision colour reached at the running stage, null while on time
 * @param firstAnswerAt when the bank first answered, null before
 * @param lastAnswer the bank's latest answer, null before its first
 * @param releasedAt when it was released, null while live
 * @param releaseCause why it was released, null while live
 * @param approved what the bank has approved for it in all, after its latest answer
 * @param disbursed what the bank has paid out for it in all, after its latest answer
 * @param declineReason the bank's reason when it declined, as credit-service names it
 * @param stage what the bank owes next, whose clock the deadline and colour are; null when no clock
 *     runs (paid out, released, or its supervision case closed)
 * @param caseOpenedAt when the match first turned YELLOW or RED, which makes it a supervision case
 *     the financial office acts on; null while it never has
 * @param closedAt when the office closed its supervision case (销号), null while open
 * @param closureReason why the office closed it, null while open
 * @param manual whether the office pushed it by hand rather than the matcher
 * @param retryable released RED before its demand was re-opened: its bank may be tried again
 * @param escalatedTo the level of the financial office its RED at the running stage has reached,
 *     null while not RED
 * @param escalateOn when it is due at the next level's office, null when none is left
 * @param stageDays the working days of its later stages, fixed at the push; null for a match pushed
 *     before they were, whose later stages run on its product's days when the stage starts
 * @param support the policy instruments offered with it and the rate after subsidy; null for a
 *     match pushed before instruments were offered
 * @param pledge what the demand's green pledges carry with its product; null when the product does
 *     not lend on detailed pledges
 * @param syndicate its bank's share of a demand shared among banks, null when the bank was asked
 *     for the whole amount
 */
public record Match(
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
    Status status,
    LocalDate deadline,
    Colour colour,
    Instant proposedAt,
    Instant firstAnswerAt,
    Answer lastAnswer,
    Instant releasedAt,
    ReleaseCause releaseCause,
    BigDecimal approved,
    BigDecimal disbursed,
    String declineReason,
    Stage stage,
    Instant caseOpenedAt,
    Instant closedAt,
    ClosureReason closureReason,
    boolean manual,
    boolean retryable,
    Tier escalatedTo,
    LocalDate escalateOn,
    StageDays stageDays,
    PolicySupport support,
    PledgeCover pledge,
    SyndicateShare syndicate) {

  public Match {
    reasons = List.copyOf(reasons);
  }

  /** Where a match stands. */
  public enum Status {
    /** Pushed to the bank, awaiting its first answer: under supervision. */
    PROPOSED,
    ANSWERED,
    /** No longer the bank's: its slot is free for another. */
    RELEASED
  }

  /** The answers a bank gives to a match. */
  public enum Answer {
    INTEREST,
    DECLINE,
    APPROVAL,
    DISBURSEMENT
  }

  /** Why a match was released. */
  public enum ReleaseCause {
    /** The bank declined it. */
    DECLINED,
    /** The bank let it go unanswered to RED. */
    RED,
    /** The county withdrew the demand. */
    WITHDRAWN,
    /** The demand changed out of the product's fit. */
    SUPERSEDED,
    /** Other banks' approvals, or their disbursements, cover the amount requested. */
    FINANCED,
    /** The county closed the demand. */
    CLOSED,
    /** The lead bank of the demand's syndicate gave the participant's share to another bank. */
    REPLACED
  }

  /** A new match of a demand to a product the matcher chose, due for an answer by the deadline. */
  public static Match proposed(
      Demand demand, Proposal pick, int rank, LocalDate deadline, StageDays days, Instant at) {
    Product product = pick.product();
    return new Match(
        UUID.randomUUID(),
        demand.projectId(),
        demand.county(),
        product.bankCode(),
        product.productId(),
        product.name(),
        pick.tier(),
        rank,
        pick.score().total(),
        pick.score().reasons(),
        Status.PROPOSED,
        deadline,
        null,
        at,
        null,
        null,
        null,
        null,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        Stage.FIRST_ANSWER,
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        days,
        pick.support(),
        pick.pledge(),
        pick.syndicate());
  }

  /** The same match, pushed by the financial office by hand. */
  public Match pushedByHand() {
    return new Match(
        matchId,
        projectId,
        county,
        bankCode,
        productId,
        productName,
        tier,
        rank,
        score,
        reasons,
        status,
        deadline,
        colour,
        proposedAt,
        firstAnswerAt,
        lastAnswer,
        releasedAt,
        releaseCause,
        approved,
        disbursed,
        declineReason,
        stage,
        caseOpenedAt,
        closedAt,
        closureReason,
        true,
        retryable,
        escalatedTo,
        escalateOn,
        stageDays,
        support,
        pledge,
        syndicate);
  }

  /** Whether it is a supervision case the financial office may act on: it went YELLOW or RED. */
  public boolean isCase() {
    return caseOpenedAt != null;
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  /**
   * What of the amount requested it stands for while live: its syndicate share, or the whole
   * amount; once its bank approved, what it approved.
   */
  public BigDecimal holds(BigDecimal amountRequested) {
    if (approved.signum() > 0) {
      return approved;
    }
    return syndicate == null ? amountRequested : syndicate.share();
  }

  /** Whether its bank let it go for the reason. */
  public boolean declinedFor(DeclineReason reason) {
    return releaseCause == ReleaseCause.DECLINED && reason.name().equals(declineReason);
  }

  /** Whether it still holds one of its demand's slots. */
  public boolean isLive() {
    return status != Status.RELEASED;
  }

  /**
   * The same match with the clock of a stage: its deadline and the colour reached at it; a new
   * stage starts with no escalation.
   */
  public Match clocked(Stage running, LocalDate due, Colour reached) {
    return new Match(
        matchId,
        projectId,
        county,
        bankCode,
        productId,
        productName,
        tier,
        rank,
        score,
        reasons,
        status,
        due,
        reached,
        proposedAt,
        firstAnswerAt,
        lastAnswer,
        releasedAt,
        releaseCause,
        approved,
        disbursed,
        declineReason,
        running,
        caseOpenedAt,
        closedAt,
        closureReason,
        manual,
        retryable,
        null,
        null,
        stageDays,
        support,
        pledge,
        syndicate);
  }

  /** The same match released. */
  public Match released(ReleaseCause cause, Instant at) {
    return new Match(
        matchId,
        projectId,
        county,
        bankCode,
        productId,
        productName,
        tier,
        rank,
        score,
        reasons,
        Status.RELEASED,
        deadline,
        colour,
        proposedAt,
        firstAnswerAt,
        lastAnswer,
        at,
        cause,
        approved,
        disbursed,
        declineReason,
        null,
        caseOpenedAt,
        closedAt,
        closureReason,
        manual,
        retryable,
        escalatedTo,
        escalateOn,
        stageDays,
        support,
        pledge,
        syndicate);
  }
}
