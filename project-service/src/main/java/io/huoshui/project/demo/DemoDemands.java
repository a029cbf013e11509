package io.huoshui.project.demo;

import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.Demand;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The demands of docs/domain.md, for the local run's {@code --demo}: submitted through the same
 * service as the API's, so their events reach matching. Each has a fixed id derived from its county
 * and title, so a second start (or a second replica) finds it in place and submits nothing twice.
 */
@Component
@ConditionalOnBooleanProperty("huoshui.demo")
class DemoDemands {

  private static final Logger log = LoggerFactory.getLogger(DemoDemands.class);

  private final ProjectService projects;

  DemoDemands(ProjectService projects) {
    this.projects = projects;
  }

  /** A demand of a demo county. */
  record CountyDemand(String county, Demand demand) {

    UUID id() {
      return UUID.nameUUIDFromBytes(
          ("huoshui-demo:" + county + ":" + demand.title()).getBytes(StandardCharsets.UTF_8));
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    loadAll()
        .subscribe(
            submitted -> log.info("Demo data: {} demands submitted", submitted),
            error -> log.error("Demo data could not be loaded", error));
  }

  /** Submits the demands not yet in place; emits how many were new. */
  Mono<Long> loadAll() {
    return Flux.fromIterable(DEMANDS)
        .concatMap(each -> projects.submit(each.id(), each.county(), each.demand()))
        .count();
  }

  static final List<CountyDemand> DEMANDS =
      List.of(
          new CountyDemand(
              "140428",
              new Demand(
                  "年产110万件玩具项目",
                  "新建玩具生产厂房及注塑、装配生产线，达产后年产教育玩具110万件。",
                  new Demand.Enterprise(
                      "山西德儒教育装备有限公司", "91140428MA0JX12346", EnterpriseSize.MEDIUM),
                  Industry.INDUSTRY_AND_SOFTWARE,
                  Purpose.FIXED_ASSETS,
                  amount("200000000.00"),
                  amount("70000000.00"),
                  36,
                  List.of(Collateral.REAL_ESTATE, Collateral.EQUIPMENT),
                  List.of(Tag.KEY_PROJECT),
                  new Demand.Contact("王宇", "13800000000"))),
          new CountyDemand(
              "140428",
              new Demand(
                  "食用菌生产基地流动资金",
                  "香菇、木耳菌棒生产与鲜菇收购的季节性流动资金；企业已在山西股权交易中心展示板挂牌。",
                  new Demand.Enterprise("长子县潞尧农产品有限公司", "92140428MA0H3U4K2Q", EnterpriseSize.SMALL),
                  Industry.AGRICULTURE,
                  Purpose.WORKING_CAPITAL,
                  null,
                  amount("5000000.00"),
                  12,
                  List.of(Collateral.RECEIVABLES),
                  List.of(Tag.INCLUSIVE, Tag.FIRST_LOAN),
                  new Demand.Contact("李娜", "0355-8123456"))),
          new CountyDemand(
              "140423",
              new Demand(
                  "煤矿智能化改造项目",
                  "综采工作面智能化改造及井下5G通信系统建设。",
                  new Demand.Enterprise("襄垣县鑫源矿业有限公司", "91140423MA0HC5E877", EnterpriseSize.LARGE),
                  Industry.INDUSTRY_AND_SOFTWARE,
                  Purpose.TECHNOLOGY_UPGRADE,
                  amount("300000000.00"),
                  amount("120000000.00"),
                  60,
                  List.of(Collateral.EQUITY),
                  List.of(Tag.KEY_PROJECT),
                  new Demand.Contact("赵刚", "13935500001"))),
          new CountyDemand(
              "140702",
              new Demand(
                  "矿用防爆变频器生产线项目",
                  "矿用隔爆兼本质安全型变频器新生产线，配套测试中心。",
                  new Demand.Enterprise("晋中智电矿用设备有限公司", "91140702MA0KD3P616", EnterpriseSize.SMALL),
                  Industry.INDUSTRY_AND_SOFTWARE,
                  Purpose.TECHNOLOGY_UPGRADE,
                  amount("45000000.00"),
                  amount("30000000.00"),
                  36,
                  List.of(Collateral.COMMERCIAL_PAPER, Collateral.RECEIVABLES),
                  List.of(Tag.GREEN),
                  new Demand.Contact("孙丽", "0354-3012345"))),
          new CountyDemand(
              "611021",
              new Demand(
                  "工业园区集中供热蒸汽管网项目",
                  "园区集中供热蒸汽管网一期，替代企业自备燃煤锅炉。",
                  new Demand.Enterprise("洛南县园区热力有限公司", "91611021MA70W8QB4T", EnterpriseSize.MEDIUM),
                  Industry.CONSTRUCTION,
                  Purpose.GREEN_TRANSITION,
                  amount("260000000.00"),
                  amount("190000000.00"),
                  120,
                  List.of(Collateral.RECEIVABLES, Collateral.EMISSION_RIGHTS),
                  List.of(Tag.GREEN, Tag.KEY_PROJECT),
                  new Demand.Contact("张伟", "13909140001"))),
          new CountyDemand(
              "611024",
              new Demand(
                  "山泉水灌装生产线扩建",
                  "以取水许可证质押，扩建天然山泉水灌装生产线。",
                  new Demand.Enterprise(
                      "山阳县秦岭山泉饮品有限公司", "91611024MA7129XG8L", EnterpriseSize.SMALL),
                  Industry.AGRICULTURE,
                  Purpose.FIXED_ASSETS,
                  amount("12000000.00"),
                  amount("8000000.00"),
                  24,
                  List.of(Collateral.WATER_RIGHTS),
                  List.of(Tag.GREEN, Tag.INCLUSIVE),
                  new Demand.Contact("王芳", "13892400001"))));

  private static BigDecimal amount(String value) {
    return new BigDecimal(value);
  }
}
