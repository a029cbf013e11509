package io.huoshui.notification.notice;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Acts on notifications inside the transaction that writes them (webhooks schedule deliveries): all
 * those of the transaction at once.
 */
public interface NotificationObserver {

  Mono<Void> created(List<Notification> notifications);
}
