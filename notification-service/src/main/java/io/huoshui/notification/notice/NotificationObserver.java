package io.huoshui.notification.notice;

import reactor.core.publisher.Mono;

/** Acts on a notification inside the transaction that writes it (webhooks schedule deliveries). */
public interface NotificationObserver {

  Mono<Void> created(Notification notification);
}
