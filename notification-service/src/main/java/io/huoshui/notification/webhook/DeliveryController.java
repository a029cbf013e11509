package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Notices;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The delivery log: a recipient reads how its notification was delivered; an operator lists the
 * parked deliveries concerning counties of its region (whoever their recipient) and replays them.
 */
@RestController
class DeliveryController {

  private final Deliveries deliveries;
  private final Notices notices;
  private final Clock clock;

  DeliveryController(Deliveries deliveries, Notices notices, Clock clock) {
    this.deliveries = deliveries;
    this.notices = notices;
    this.clock = clock;
  }

  @GetMapping("/api/v1/notifications/{id}/deliveries")
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<List<Delivery>> ofNotification(@PathVariable UUID id, Tenant tenant) {
    return notices
        .find(Audience.of(tenant), id)
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "没有你的通知 " + id + "。", "No notification " + id + " of yours.")))
        .flatMap(notification -> deliveries.ofNotification(notification.id()).collectList());
  }

  @GetMapping("/api/v1/webhooks/deliveries")
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<Page<Delivery>> parked(
      @RequestParam String status,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      Tenant tenant) {
    String region = operatorRegion(tenant);
    if (!"PARKED".equals(status)) {
      return Mono.error(ApiProblem.invalid("status", "必须是 PARKED", "must be PARKED"));
    }
    PageRequest request = PageRequest.parse(page, size);
    return Mono.zip(
            deliveries.parked(region, request.offset(), request.size()).collectList(),
            deliveries.countParked(region))
        .map(found -> Page.of(found.getT1(), request, found.getT2()));
  }

  @PostMapping("/api/v1/webhooks/deliveries/{id}/replay")
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<Delivery> replay(@PathVariable UUID id, Tenant tenant) {
    String region = operatorRegion(tenant);
    return deliveries
        .replay(region, id, clock.instant())
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "地区 " + region + " 没有搁置的投递 " + id + "。",
                        "No parked delivery " + id + " in region " + region + ".")));
  }

  private static String operatorRegion(Tenant tenant) {
    if (!tenant.isOperator()) {
      throw ApiProblem.forbidden(
          "只有金融办可以列出并重放搁置的投递。", "Only an operator lists and replays parked deliveries.");
    }
    return tenant.id();
  }
}
