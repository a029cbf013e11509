package io.huoshui.project.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A county's demand and where it stands. Immutable: every change answers a new value, which the
 * caller stores together with the event that announces it.
 *
 * @param county the division code of the county that submitted it
 * @param noMatch why nothing fitted, while the status is NO_MATCH
 * @param changedAt when the county last submitted or changed the demand
 * @param version 1 on submission, +1 on every change announced to other services
 */
public record Project(
    UUID id,
    String county,
    Demand demand,
    ProjectStatus status,
    NoMatch noMatch,
    Funnel funnel,
    Instant submittedAt,
    Instant changedAt,
    Withdrawal withdrawal,
    Closure closure,
    int version) {

  /** Why and when the county withdrew the demand. */
  public record Withdrawal(String reason, Instant at) {}

  /** Why and when the county closed the demand; the note is optional prose. */
  public record Closure(ClosureReason reason, String note, Instant at) {}

  public static Project submitted(UUID id, String county, Demand demand, Instant now) {
    return new Project(
        id,
        county,
        demand,
        ProjectStatus.SUBMITTED,
        null,
        Funnel.of(demand.amountRequested()),
        now,
        now,
        null,
        null,
        1);
  }

  /**
   * The demand as the county changed it. Matching starts afresh on the new version, so the status
   * returns to SUBMITTED; that is only allowed while no bank has shown interest.
   */
  public Project revise(Demand revised, Instant now) {
    if (!status.isRevisable()) {
      throw new ProjectStateException(
          "PROJECT_NOT_REVISABLE",
          "状态为 %s 的需求不能再修改：已有银行表示意向或已结束。".formatted(status),
          "A %s demand can no longer be changed: a bank has shown interest or it is closed."
              .formatted(status));
    }
    Funnel funnel = this.funnel;
    return new Project(
        id,
        county,
        revised,
        ProjectStatus.SUBMITTED,
        null,
        new Funnel(
            revised.amountRequested(), funnel.intended(), funnel.approved(), funnel.disbursed()),
        submittedAt,
        now,
        null,
        null,
        version + 1);
  }

  public Project withdraw(String reason, Instant now) {
    if (!status.isWithdrawable()) {
      throw new ProjectStateException(
          "PROJECT_NOT_WITHDRAWABLE",
          "状态为 %s 的需求不能撤回。".formatted(status),
          "A %s demand cannot be withdrawn.".formatted(status));
    }
    return new Project(
        id,
        county,
        demand,
        ProjectStatus.WITHDRAWN,
        noMatch,
        funnel,
        submittedAt,
        changedAt,
        new Withdrawal(reason, now),
        null,
        version + 1);
  }

  /** The county closes the case: financed (below the amount, or elsewhere) or no longer needed. */
  public Project close(ClosureReason reason, String note, Instant now) {
    if (status == ProjectStatus.WITHDRAWN || status == ProjectStatus.CLOSED) {
      throw new ProjectStateException(
          "PROJECT_NOT_CLOSABLE",
          "状态为 %s 的需求不能结案。".formatted(status),
          "A %s demand cannot be closed.".formatted(status));
    }
    return new Project(
        id,
        county,
        demand,
        ProjectStatus.CLOSED,
        null,
        funnel,
        submittedAt,
        changedAt,
        null,
        new Closure(reason, note, now),
        version + 1);
  }

  /**
   * A bank match was proposed. No time of another service's clock is compared with this one's: a
   * decision is placed by the precedence of its status alone. An exhausted demand is re-opened:
   * matching proposes nothing for it but from a product that fits later, after the exhaustion.
   */
  public Project pushed() {
    if (status == ProjectStatus.EXHAUSTED) {
      return withStatus(ProjectStatus.PUSHED, null);
    }
    ProjectStatus next = status.advancedTo(ProjectStatus.PUSHED);
    return withStatus(next, next == ProjectStatus.NO_MATCH ? noMatch : null);
  }

  /** Matching found nothing; the reasons stand while the status is NO_MATCH. */
  public Project unmatched(NoMatch why) {
    ProjectStatus next = status.advancedTo(ProjectStatus.NO_MATCH);
    return withStatus(next, next == ProjectStatus.NO_MATCH ? why : noMatch);
  }

  /** No fitting bank is left; a demand already approved or final stays as it is. */
  public Project exhausted() {
    return withStatus(status.advancedTo(ProjectStatus.EXHAUSTED), null);
  }

  /**
   * The banks' answers summed up anew. Bank answers count whatever version they were given on:
   * interest, an approval or money paid out are facts about this demand.
   */
  public Project financed(Funnel figures, boolean interestShown) {
    ProjectStatus proven = figures.provenStatus();
    if (interestShown && proven.compareTo(ProjectStatus.IN_TALKS) < 0) {
      proven = ProjectStatus.IN_TALKS;
    }
    ProjectStatus next = status.advancedTo(proven);
    return new Project(
        id,
        county,
        demand,
        next,
        next == ProjectStatus.NO_MATCH ? noMatch : null,
        figures,
        submittedAt,
        changedAt,
        withdrawal,
        closure,
        version);
  }

  private Project withStatus(ProjectStatus next, NoMatch why) {
    return new Project(
        id,
        county,
        demand,
        next,
        why,
        funnel,
        submittedAt,
        changedAt,
        withdrawal,
        closure,
        version);
  }
}
