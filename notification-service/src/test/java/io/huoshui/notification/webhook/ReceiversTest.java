package io.huoshui.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.service.web.ApiProblem;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.core.publisher.Mono;

/** What a receiver URL may be, with the settings of a deployment rather than the tests'. */
class ReceiversTest {

  private static final HostResolver NAMES =
      host ->
          switch (host) {
            case "portal.example.cn" -> List.of(InetAddress.getByName("203.0.113.7"));
            case "intranet.example.cn" -> List.of(InetAddress.getByName("192.168.10.4"));
            case "nowhere.example.cn" -> throw new java.net.UnknownHostException(host);
            default -> HostResolver.system().resolve(host);
          };

  static WebhookProperties settings(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("huoshui.webhooks", WebhookProperties.class);
  }

  private static Receivers receivers(Map<String, String> values) {
    WebhookProperties settings = settings(values);
    return new Receivers(settings, NAMES, new ReceiverAddresses(settings.allowedNetworks()));
  }

  @Test
  void aDeploymentAdmitsHttpsReceiversOnThePublicInternetOnly() {
    Receivers deployment = receivers(Map.of());

    assertThat(deployment.admit("https://portal.example.cn/hook").block())
        .hasHost("portal.example.cn");
    assertThat(refusal(deployment.admit("http://portal.example.cn/hook"))).contains("https");
    assertThat(refusal(deployment.admit("https://intranet.example.cn/hook"))).contains("内部网络");
    assertThat(refusal(deployment.admit("https://127.0.0.1/hook"))).contains("内部网络");
    assertThat(refusal(deployment.admit("https://nowhere.example.cn/hook"))).contains("无法解析");
  }

  @Test
  void theAllowListAdmitsWhatItNamesAndNothingElseInside() {
    Receivers local =
        receivers(
            Map.of(
                "huoshui.webhooks.require-https", "false",
                "huoshui.webhooks.allowed-networks", "127.0.0.1/32,::1"));

    assertThat(local.admit("http://127.0.0.1:8080/hook").block()).isNotNull();
    assertThat(local.admit("http://[::1]:8080/hook").block()).isNotNull();
    assertThat(refusal(local.admit("http://127.0.0.2:8080/hook"))).contains("内部网络");
    assertThat(refusal(local.admit("http://intranet.example.cn/hook"))).contains("内部网络");
  }

  @Test
  void anAddressIsJudgedAsTheAddressItReaches() throws Exception {
    ReceiverAddresses addresses = new ReceiverAddresses(List.of());
    for (String inside :
        List.of(
            "::ffff:169.254.169.254",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "100.100.100.200",
            "fd00:ec2::254",
            "255.255.255.255",
            "ff02::1")) {
      assertThat(addresses.permitted(InetAddress.getByName(inside))).as(inside).isFalse();
    }
    for (String outside : List.of("203.0.113.7", "8.8.8.8", "2001:db8::1", "::ffff:8.8.8.8")) {
      assertThat(addresses.permitted(InetAddress.getByName(outside))).as(outside).isTrue();
    }
    assertThat(addresses.permitted(List.of())).isFalse();
  }

  private static String refusal(Mono<?> admitted) {
    try {
      admitted.block();
    } catch (ApiProblem problem) {
      assertThat(problem.getStatusCode().value()).isEqualTo(400);
      return problem.errors().toString();
    }
    throw new AssertionError("admitted");
  }
}
