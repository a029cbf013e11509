package io.huoshui.notification.notice;

import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.QueryParameters;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's own notifications: listed, marked read, followed live. Every query is built for the
 * caller's audience ({@link Audience#of}), so another tenant's notification answers 404.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

  private final Notices notices;
  private final Texts texts;
  private final NotificationStream stream;

  NotificationController(Notices notices, Texts texts, NotificationStream stream) {
    this.notices = notices;
    this.texts = texts;
    this.stream = stream;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<Page<RenderedNotification>> list(
      @RequestParam(required = false) String unread,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
      Tenant tenant) {
    PageRequest request = PageRequest.parse(page, size);
    boolean unreadOnly = Boolean.TRUE.equals(QueryParameters.trueOrFalse("unread", unread));
    Language language = language(lang, acceptLanguage);
    Audience audience = Audience.of(tenant);
    return Mono.zip(
            notices
                .list(audience, unreadOnly, request.offset(), request.size())
                .map(notification -> texts.render(notification, language))
                .collectList(),
            notices.count(audience, unreadOnly))
        .map(found -> Page.of(found.getT1(), request, found.getT2()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<RenderedNotification> get(
      @PathVariable UUID id,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
      Tenant tenant) {
    return rendered(notices.find(Audience.of(tenant), id), id, language(lang, acceptLanguage));
  }

  @PostMapping("/{id}/read")
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<RenderedNotification> markRead(
      @PathVariable UUID id,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
      Tenant tenant) {
    return rendered(notices.markRead(Audience.of(tenant), id), id, language(lang, acceptLanguage));
  }

  private Mono<RenderedNotification> rendered(
      Mono<Notification> found, UUID id, Language language) {
    return found
        .map(notification -> texts.render(notification, language))
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "没有你的通知 " + id + "。", "No notification " + id + " of yours.")));
  }

  /**
   * Server-Sent Events, each with its sequence number as id: a client that reconnects with {@code
   * Last-Event-ID} gets every notification after that one, then the live ones.
   */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Flux<ServerSentEvent<RenderedNotification>> follow(
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
      Tenant tenant) {
    Language language = language(lang, acceptLanguage);
    return stream.follow(Audience.of(tenant), lastSeen(lastEventId), language);
  }

  private static Long lastSeen(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return null;
    }
    try {
      long seq = Long.parseLong(lastEventId.strip());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException notANumber) {
      // refused below with the header named
    }
    throw ApiProblem.invalid(
        "Last-Event-ID", "必须是此事件流中某个事件的 id", "must be the id of an event of this stream");
  }

  /** The {@code lang} parameter if given (400 if it names no language of ours), else the header. */
  private static Language language(String lang, String acceptLanguage) {
    if (lang == null) {
      return Language.negotiate(acceptLanguage);
    }
    return Language.ofTag(lang)
        .orElseThrow(() -> ApiProblem.invalid("lang", "必须是 zh-CN 或 en", "must be zh-CN or en"));
  }
}
