package io.huoshui.load;

import io.huoshui.vocabulary.CreditCodes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demand the five demo counties submit, in turn. Each kind fits products of the demo catalog
 * (credit-service's DemoCatalog), so that every accepted demand is matched and pushed to one or two
 * banks and the path to the banks' topics is measured, not a NoMatch.
 */
final class DemandMix {

  /** One demand, ready to send: the county's client and the JSON body. */
  record Demand(String countyClient, byte[] body) {}

  private record Kind(
      String county,
      String title,
      String industry,
      String size,
      String purpose,
      String totalInvestment,
      String amountRequested,
      int termMonths,
      List<String> collateral,
      List<String> tags) {}

  /** Counties and banks of the local run's demo clients (README). */
  static final List<String> COUNTIES = List.of("140428", "140423", "140702", "611021", "611024");

  static final List<String> BANKS =
      List.of("jinshang-bank", "shanxi-bank", "cib-changzhi", "changan-shangluo", "zhangzi-rcb");

  // 长子县: 长子农商银行's 食用菌产业贷 at county level, then 兴业银行长治分行's 兴优贷 for the city.
  // 襄垣县: 兴业银行长治分行's 碳配额质押贷款, then 山西银行's 固定资产贷款 for the province.
  // 榆次区: only province-level banks serve 晋中: 晋商银行's 银团贷款 and 山西银行's 固定资产贷款.
  // 洛南县 and 山阳县: 长安银行商洛分行, the only bank of 商洛 in the catalog.
  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "140428",
              "食用菌菌棒扩产",
              "AGRICULTURE",
              "SMALL",
              "WORKING_CAPITAL",
              "5000000.00",
              "3000000.00",
              24,
              List.of("EQUIPMENT", "GUARANTEE", "REAL_ESTATE"),
              List.of("INCLUSIVE")),
          new Kind(
              "140423",
              "焦化余热回收与碳减排改造",
              "INDUSTRY_AND_SOFTWARE",
              "MEDIUM",
              "GREEN_TRANSITION",
              "60000000.00",
              "20000000.00",
              36,
              List.of("CARBON_QUOTA", "EQUIPMENT", "REAL_ESTATE"),
              List.of("GREEN")),
          new Kind(
              "140702",
              "智能制造产业园二期",
              "INDUSTRY_AND_SOFTWARE",
              "LARGE",
              "FIXED_ASSETS",
              "200000000.00",
              "80000000.00",
              60,
              List.of("REAL_ESTATE", "EQUIPMENT", "GUARANTEE"),
              List.of("KEY_PROJECT")),
          new Kind(
              "611021",
              "核桃收购季节性流动资金",
              "AGRICULTURE",
              "SMALL",
              "WORKING_CAPITAL",
              "3000000.00",
              "2000000.00",
              24,
              List.of("GUARANTEE", "RECEIVABLES"),
              List.of("INCLUSIVE", "FIRST_LOAN")),
          new Kind(
              "611024",
              "民宿提升改造",
              "CULTURE_AND_TOURISM",
              "MICRO",
              "WORKING_CAPITAL",
              "1200000.00",
              "800000.00",
              12,
              List.of("GUARANTEE"),
              List.of("INCLUSIVE")));

  private final ObjectMapper json;
  private final AtomicLong serial = new AtomicLong();

  DemandMix(ObjectMapper json) {
    this.json = json;
  }

  static String countyClient(String county) {
    return "county-" + county;
  }

  static String bankClient(String bankCode) {
    return "bank-" + bankCode;
  }

  Demand next() {
    long n = serial.incrementAndGet();
    Kind kind = KINDS.get((int) (n % KINDS.size()));
    ObjectNode demand = json.createObjectNode();
    demand.put("title", kind.title() + " #" + n);
    demand.put("description", kind.title() + "（负载测试生成的需求）");
    ObjectNode enterprise = demand.putObject("enterprise");
    enterprise.put("name", "负载测试企业" + n + "有限公司");
    enterprise.put(
        "creditCode", CreditCodes.enterprise(kind.county(), "%09d".formatted(n % 1_000_000_000L)));
    enterprise.put("size", kind.size());
    demand.put("industry", kind.industry());
    demand.put("purpose", kind.purpose());
    demand.put("totalInvestment", kind.totalInvestment());
    demand.put("amountRequested", kind.amountRequested());
    demand.put("termMonths", kind.termMonths());
    kind.collateral().forEach(demand.putArray("collateral")::add);
    kind.tags().forEach(demand.putArray("tags")::add);
    ObjectNode contact = demand.putObject("contact");
    contact.put("name", "张敏");
    contact.put("phone", "13900000000");
    return new Demand(countyClient(kind.county()), json.writeValueAsBytes(demand));
  }
}
