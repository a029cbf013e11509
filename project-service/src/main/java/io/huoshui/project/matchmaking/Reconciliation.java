package io.huoshui.project.matchmaking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.project.domain.PlaceNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an event's banks signed against what they went on to approve and disburse, per bank, per
 * demand and per bank and demand, exactly: each sum is of the lines below it, each line's approved
 * and disbursed amounts the bank's totals on the demand as credit-service reported its answers.
 */
record Reconciliation(
    UUID eventId,
    String title,
    LocalDate date,
    String venue,
    String region,
    @JsonInclude(JsonInclude.Include.NON_NULL) String regionName,
    String theme,
    int followUpWorkingDays,
    Instant generatedAt,
    Sums total,
    List<BankSums> byBank,
    List<DemandSums> byDemand,
    List<Line> lines) {

  /** Amounts of a group of lines; {@code unfollowed} counts the intentions flagged among them. */
  record Sums(
      BigDecimal signed,
      BigDecimal approved,
      BigDecimal disbursed,
      long intentions,
      long unfollowed) {

    static final Sums NONE = new Sums(zero(), zero(), zero(), 0, 0);

    Sums plus(Line line) {
      return new Sums(
          signed.add(line.signed()),
          approved.add(line.approved()),
          disbursed.add(line.disbursed()),
          intentions + (line.signedAt() == null ? 0 : 1),
          unfollowed + (line.flagged() ? 1 : 0));
    }

    private static BigDecimal zero() {
      return new BigDecimal("0.00");
    }
  }

  record BankSums(String bankCode, Sums sums) {}

  record DemandSums(
      UUID projectId,
      String county,
      @JsonInclude(JsonInclude.Include.NON_NULL) String countyName,
      String title,
      Sums sums) {}

  /**
   * One bank and one demand: {@code signed} is 0.00 and {@code status} NOT_SIGNED where the bank
   * lent on a demand of the agenda without signing for it.
   */
  record Line(
      String bankCode,
      UUID projectId,
      String county,
      @JsonInclude(JsonInclude.Include.NON_NULL) String countyName,
      String title,
      BigDecimal signed,
      Instant signedAt,
      BigDecimal approved,
      BigDecimal disbursed,
      Instant firstApprovalAt,
      LocalDate dueOn,
      String status,
      String colour) {

    static final String NOT_SIGNED = "NOT_SIGNED";

    /** The line of an event line, its follow-up judged on the day. */
    static Line of(
        EventLine line,
        PlaceNames places,
        LocalDate today,
        WorkingCalendar calendar,
        FollowUp.Rule rule) {
      FollowUp followUp =
          line.signed() == null
              ? null
              : FollowUp.of(line.heldOn(), line.firstApprovalAt(), today, calendar, rule);
      return new Line(
          line.bankCode(),
          line.projectId(),
          line.county(),
          places.nameOf(line.county()),
          line.title(),
          line.signed() == null ? Sums.zero() : line.signed(),
          line.signedAt(),
          line.approved(),
          line.disbursed(),
          line.firstApprovalAt(),
          followUp == null ? null : followUp.dueOn(),
          followUp == null ? NOT_SIGNED : followUp.status(),
          followUp == null ? null : followUp.colour());
    }

    boolean flagged() {
      return FollowUp.UNFOLLOWED.equals(status);
    }
  }

  static Reconciliation of(
      MatchmakingEvent event,
      PlaceNames places,
      List<Line> lines,
      int followUpWorkingDays,
      Instant generatedAt) {
    Map<String, Sums> byBank = sums(lines, Line::bankCode);
    Map<UUID, Sums> byDemand = sums(lines, Line::projectId);
    Map<UUID, Line> demands = new LinkedHashMap<>();
    lines.forEach(line -> demands.putIfAbsent(line.projectId(), line));
    return new Reconciliation(
        event.id(),
        event.title(),
        event.date(),
        event.venue(),
        event.region(),
        places.nameOf(event.region()),
        event.theme(),
        followUpWorkingDays,
        generatedAt,
        total(lines),
        byBank.entrySet().stream()
            .map(bank -> new BankSums(bank.getKey(), bank.getValue()))
            .toList(),
        demands.values().stream()
            .map(
                line ->
                    new DemandSums(
                        line.projectId(),
                        line.county(),
                        line.countyName(),
                        line.title(),
                        byDemand.get(line.projectId())))
            .toList(),
        lines);
  }

  static Sums total(List<Line> lines) {
    Sums total = Sums.NONE;
    for (Line line : lines) {
      total = total.plus(line);
    }
    return total;
  }

  private static <K> Map<K, Sums> sums(List<Line> lines, Function<Line, K> key) {
    Map<K, Sums> sums = new LinkedHashMap<>();
    lines.forEach(line -> sums.merge(key.apply(line), Sums.NONE.plus(line), Reconciliation::add));
    return sums;
  }

  private static Sums add(Sums one, Sums other) {
    return new Sums(
        one.signed().add(other.signed()),
        one.approved().add(other.approved()),
        one.disbursed().add(other.disbursed()),
        one.intentions() + other.intentions(),
        one.unfollowed() + other.unfollowed());
  }
}
