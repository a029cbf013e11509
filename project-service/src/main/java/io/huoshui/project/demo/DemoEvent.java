package io.huoshui.project.demo;

import io.huoshui.project.matchmaking.EventRequest;
import io.huoshui.project.matchmaking.IntentionRequest;
import io.huoshui.project.matchmaking.MatchmakingEvents;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.security.TenantType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 长治市金融办's green financing event of 2026 Q4, for the local run's {@code --demo}: three demands of
 * the demo on its agenda and the intentions its banks signed, recorded through the same service as
 * the API's. Its id is fixed, so a second start finds it in place and records nothing twice.
 */
@Component
@ConditionalOnBooleanProperty("huoshui.demo")
class DemoEvent {

  static final UUID ID =
      UUID.nameUUIDFromBytes(
          "huoshui-demo:matchmaking:1404:2026-Q4".getBytes(StandardCharsets.UTF_8));

  static final Tenant OFFICE = new Tenant(TenantType.OPERATOR, "1404");

  static final EventRequest EVENT =
      new EventRequest(
          "长治市2026年第四季度绿色金融专场对接会",
          LocalDate.of(2026, 11, 18),
          "长治市政务服务中心三楼会议室",
          "1404",
          "绿色金融：智能化改造、清洁生产与生态农业项目融资",
          List.of("cib-changzhi", "jinshang-bank", "shanxi-bank", "zhangzi-rcb"));

  /** The demo demands on the agenda, by county and title, and what each bank signed for them. */
  static final List<Signed> AGENDA =
      List.of(
          new Signed("140428", "年产110万件玩具项目", Map.of("jinshang-bank", "60000000.00")),
          new Signed("140428", "食用菌生产基地流动资金", Map.of("zhangzi-rcb", "5000000.00")),
          new Signed(
              "140423",
              "煤矿智能化改造项目",
              Map.of("shanxi-bank", "80000000.00", "cib-changzhi", "40000000.00")));

  record Signed(String county, String title, Map<String, String> intentions) {}

  private static final Logger log = LoggerFactory.getLogger(DemoEvent.class);

  private final MatchmakingEvents events;
  private final DemoDemands demands;

  DemoEvent(MatchmakingEvents events, DemoDemands demands) {
    this.events = events;
    this.demands = demands;
  }

  /** The demo's demands first, then the event that puts some of them on its agenda. */
  @EventListener(ApplicationReadyEvent.class)
  void load() {
    demands
        .loadAll()
        .doOnNext(submitted -> log.info("Demo data: {} demands submitted", submitted))
        .then(record())
        .subscribe(
            recorded -> log.info("Demo data: matchmaking event {} recorded: {}", ID, recorded),
            error -> log.error("Demo data could not be loaded", error));
  }

  /** Records the event unless it is in place; emits whether it was new. */
  Mono<Boolean> record() {
    return events
        .find(OFFICE, ID)
        .hasElement()
        .flatMap(
            present ->
                present
                    ? Mono.just(false)
                    : events
                        .create(OFFICE, ID, EVENT, null)
                        .thenMany(Flux.fromIterable(AGENDA))
                        .concatMap(this::onTheAgenda)
                        .then(Mono.just(true)));
  }

  private Mono<Void> onTheAgenda(Signed demand) {
    UUID project = demands.idOf(demand.county(), demand.title());
    return events
        .addToAgenda(OFFICE, ID, project)
        .thenMany(Flux.fromIterable(demand.intentions().entrySet()))
        .concatMap(
            intention ->
                events.sign(
                    new Tenant(TenantType.BANK, intention.getKey()),
                    ID,
                    new IntentionRequest(project, new BigDecimal(intention.getValue())),
                    null))
        .then();
  }
}
