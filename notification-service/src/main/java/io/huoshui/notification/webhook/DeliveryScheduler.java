package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Notification;
import io.huoshui.notification.notice.NotificationObserver;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Schedules a notification for each endpoint of its audience, in the transaction that writes it: a
 * notification is never committed without its deliveries, nor a delivery without its notification.
 */
@Component
class DeliveryScheduler implements NotificationObserver {

  private final DeliveryStore deliveries;
  private final DeliverySignal signal;
  private final Clock clock;

  DeliveryScheduler(DeliveryStore deliveries, DeliverySignal signal, Clock clock) {
    this.deliveries = deliveries;
    this.signal = signal;
    this.clock = clock;
  }

  @Override
  public Mono<Void> created(List<Notification> notifications) {
    return deliveries
        .schedule(notifications, clock.instant())
        .filter(scheduled -> scheduled > 0)
        .flatMap(scheduled -> signal.dueOnCommit());
  }
}
