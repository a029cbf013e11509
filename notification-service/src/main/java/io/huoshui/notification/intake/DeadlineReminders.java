package io.huoshui.notification.intake;

import io.huoshui.calendar.CalendarHolder;
import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Kind;
import io.huoshui.notification.notice.NewNotification;
import io.huoshui.notification.notice.Notices;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminds a bank when what it owes a match is due by the next working day of the network's
 * calendar: its first answer, its credit decision after INTEREST, its first disbursement after
 * APPROVAL (public holidays are rest days, make-up working days are working days: a deadline on the
 * Saturday after Golden Week is reminded on the Friday before it, the working day in between being
 * that Saturday itself). A released match, or one whose case an office closed, is not reminded.
 * Runs periodically on the injected clock; each stage of a match is reminded once, by whichever
 * replica claims it.
 */
@Component
class DeadlineReminders implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

  private final KnowledgeStore knowledge;
  private final Notices notices;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final CalendarHolder calendar;
  private final Duration every;
  private volatile Disposable running;

  DeadlineReminders(
      KnowledgeStore knowledge,
      Notices notices,
      TransactionalOperator transaction,
      Clock clock,
      CalendarHolder calendar,
      @Value("${huoshui.notifications.deadlines.sweep-every:10m}") Duration every) {
    this.knowledge = knowledge;
    this.notices = notices;
    this.transaction = transaction;
    this.clock = clock;
    this.calendar = calendar;
    this.every = every;
  }

  /** Sends the reminders due now; returns how many this sweep sent. */
  Mono<Long> sweep() {
    LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
    // The calendar as it stands now: a year published since the last sweep counts from this one.
    LocalDate horizon = calendar.current().nextWorkingDay(today);
    return knowledge.dueBy(today, horizon).concatMap(this::remind).count();
  }

  private Mono<KnownMatch> remind(KnowledgeStore.Due due) {
    KnownMatch match = due.match();
    // The first answer's origin is the one reminders have always had, so none is sent twice.
    String origin =
        due.stage() == Stage.FIRST_ANSWER
            ? "deadline:" + match.matchId()
            : "deadline:" + due.stage() + ":" + match.matchId();
    return knowledge
        .markReminded(match.matchId(), due.stage(), clock.instant())
        .filter(Boolean::booleanValue)
        .flatMap(
            claimed ->
                notices
                    .publish(
                        List.of(
                            new NewNotification(
                                Audience.bank(match.bankCode()),
                                Kind.DEADLINE_NEAR,
                                match.projectId().toString(),
                                match.county(),
                                origin,
                                Facts.of()
                                    .put("matchId", match.matchId())
                                    .put("projectId", match.projectId())
                                    .put("county", match.county())
                                    .put("productId", match.productId())
                                    .put("productName", match.productName())
                                    .put("amountRequested", match.amountRequested())
                                    .put("stage", due.stage())
                                    .put("deadline", match.deadline())
                                    .build())))
                    .thenReturn(match))
        .as(transaction::transactional);
  }

  @Override
  public void start() {
    running =
        Flux.interval(Duration.ZERO, every)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    sweep()
                        .onErrorResume(
                            error -> {
                              log.warn("Deadline sweep failed; next one in {}", every, error);
                              return Mono.empty();
                            }),
                1)
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    Disposable current = running;
    return current != null && !current.isDisposed();
  }
}
