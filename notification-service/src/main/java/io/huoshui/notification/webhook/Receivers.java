package io.huoshui.notification.webhook;

import io.huoshui.service.web.ApiProblem;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Admits a tenant's receiver URL at registration: an absolute URL, https outside the local run,
 * without credentials or fragment, whose host resolves now to public addresses only. Every delivery
 * checks the addresses again as it connects ({@link WebhookConfiguration}), since a name may be
 * pointed inside after it was admitted.
 */
@Component
class Receivers {

  private final WebhookProperties settings;
  private final HostResolver resolver;
  private final ReceiverAddresses addresses;

  Receivers(WebhookProperties settings, HostResolver resolver, ReceiverAddresses addresses) {
    this.settings = settings;
    this.resolver = resolver;
    this.addresses = addresses;
  }

  /** The URL, or a 400 naming {@code url}. */
  Mono<URI> admit(String text) {
    URI url;
    try {
      url = syntax(text);
    } catch (ApiProblem refused) {
      return Mono.error(refused);
    }
    String host = url.getHost();
    return Mono.fromCallable(() -> lookUp(host))
        // The system's resolver blocks: never on the server's event loop.
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            found ->
                addresses.permitted(found)
                    ? Mono.just(url)
                    : Mono.error(
                        ApiProblem.invalid(
                            "url",
                            "不能指向内部网络地址：其主机解析为回环、私有、链路本地或其他内部地址",
                            "must not point inside a private network: its host resolves to a"
                                + " loopback, private, link-local or other internal address")));
  }

  private List<InetAddress> lookUp(String host) {
    try {
      return resolver.resolve(host);
    } catch (UnknownHostException unknown) {
      throw ApiProblem.invalid("url", "主机名无法解析", "its host name does not resolve");
    }
  }

  private URI syntax(String text) {
    // A URL is stored and answered back as given: padding is refused, not stripped, so that what
    // the owner registered is exactly what deliveries go to.
    if (text.codePoints().anyMatch(Receivers::blankOrControl)) {
      throw ApiProblem.invalid(
          "url", "不能含有空白或控制字符", "must not contain whitespace or control characters");
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw ApiProblem.invalid(
          "url", "必须是绝对的 http 或 https 地址", "must be an absolute http or https URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw ApiProblem.invalid(
          "url", "必须是绝对的 http 或 https 地址", "must be an absolute http or https URL");
    }
    if (settings.requireHttps() && !scheme.equals("https")) {
      throw ApiProblem.invalid("url", "必须使用 https", "must be an https URL");
    }
    if (url.getUserInfo() != null) {
      throw ApiProblem.invalid(
          "url", "不得含有用户名或密码；投递以签名代替", "must not carry credentials; deliveries are signed instead");
    }
    if (url.getFragment() != null) {
      throw ApiProblem.invalid("url", "不得含有片段（#）", "must not have a fragment");
    }
    return url;
  }

  private static boolean blankOrControl(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
