package io.huoshui.identity.client;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The counties, banks and financial offices of docs/domain.md as clients, and operator-14 as the
 * network's administrator (what the bootstrap operator is elsewhere), for the local run only
 * ({@code huoshui.identity.demo-clients=true}). Their secrets are documented in README: never
 * enable this anywhere else.
 */
@Component
@ConditionalOnBooleanProperty("huoshui.identity.demo-clients")
class DemoClients implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

  static final List<ClientRequest> CLIENTS =
      List.of(
          county("140428", "长子县"),
          county("140423", "襄垣县"),
          county("140702", "晋中市榆次区"),
          county("611021", "洛南县"),
          county("611024", "山阳县"),
          bank("jinshang-bank", "晋商银行"),
          bank("shanxi-bank", "山西银行"),
          bank("cib-changzhi", "兴业银行长治分行"),
          bank("changan-shangluo", "长安银行商洛分行"),
          bank("zhangzi-rcb", "长子农商银行"),
          new ClientRequest(
              "operator-14",
              "山西省地方金融管理局",
              TenantType.OPERATOR,
              "14",
              BootstrapOperator.administrator()),
          operator("1404", "长治市金融办"),
          operator("1407", "晋中市金融办"),
          operator("6110", "商洛市金融办"));

  private final ClientRegistry registry;

  DemoClients(ClientRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (ClientRequest demo : CLIENTS) {
      if (registry.find(demo.clientId()).isEmpty()) {
        registry.register(demo, secretOf(demo.clientId()));
        log.info("Demo client {} ({}) registered", demo.clientId(), demo.displayName());
      } else {
        // A local run's data outlives a release that gives a demo client a new scope.
        demo.grantedScopes().forEach(scope -> registry.grantScope(demo.clientId(), scope));
      }
    }
  }

  /** The documented local secret of a demo client. */
  static String secretOf(String clientId) {
    return clientId + "-local-secret";
  }

  private static ClientRequest county(String code, String name) {
    return new ClientRequest("county-" + code, name, TenantType.COUNTY, code, List.of());
  }

  private static ClientRequest bank(String code, String name) {
    return new ClientRequest("bank-" + code, name, TenantType.BANK, code, List.of());
  }

  private static ClientRequest operator(String region, String name) {
    return new ClientRequest("operator-" + region, name, TenantType.OPERATOR, region, List.of());
  }
}
