package io.huoshui.credit.demo;

import io.huoshui.credit.bank.BankLevel;
import io.huoshui.credit.bank.Banks;
import io.huoshui.credit.bank.NewBank;
import io.huoshui.credit.product.Product;
import io.huoshui.credit.product.ProductQuery;
import io.huoshui.credit.product.ProductRequest;
import io.huoshui.credit.product.Products;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.PageRequest;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The banks and products of the articles (docs/domain.md) for a demo run ({@code
 * huoshui.demo=true}). Loaded through the domain services, so the product events flow as for any
 * bank; loading again adds nothing (a bank by its code, a product by its bank and name).
 */
@Component
@ConditionalOnBooleanProperty("huoshui.demo")
class DemoCatalog implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  private static final LocalDate TO = LocalDate.of(2027, 12, 31);

  private static final List<NewBank> BANKS =
      List.of(
          new NewBank("jinshang-bank", "晋商银行", BankLevel.PROVINCIAL),
          new NewBank("shanxi-bank", "山西银行", BankLevel.PROVINCIAL),
          new NewBank("cib-changzhi", "兴业银行长治分行", BankLevel.CITY_BRANCH),
          new NewBank("changan-shangluo", "长安银行商洛分行", BankLevel.CITY_BRANCH),
          new NewBank("zhangzi-rcb", "长子农商银行", BankLevel.COUNTY_BRANCH));

  private record Offer(String bankCode, ProductRequest product) {}

  private static final List<Offer> OFFERS =
      List.of(
          // 兴业银行长治分行: green pledge loans and inclusive / supply-chain products.
          new Offer(
              "cib-changzhi",
              product(
                  "取水证质押贷款",
                  ProductCategory.GREEN,
                  "1000000.00",
                  "30000000.00",
                  12,
                  60,
                  "3.30",
                  "4.60",
                  List.of(Industry.AGRICULTURE, Industry.INDUSTRY_AND_SOFTWARE),
                  List.of(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
                  "1404",
                  List.of(Collateral.WATER_RIGHTS),
                  List.of(Tag.GREEN),
                  "300000000.00")),
          new Offer(
              "cib-changzhi",
              product(
                  "碳配额质押贷款",
                  ProductCategory.GREEN,
                  "1000000.00",
                  "50000000.00",
                  6,
                  60,
                  "3.20",
                  "4.50",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE),
                  List.of(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
                  "1404",
                  List.of(Collateral.CARBON_QUOTA, Collateral.EQUIPMENT),
                  List.of(Tag.GREEN),
                  "500000000.00")),
          new Offer(
              "cib-changzhi",
              product(
                  "排污权质押贷款",
                  ProductCategory.GREEN,
                  "500000.00",
                  "20000000.00",
                  6,
                  36,
                  "3.40",
                  "4.80",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE, Industry.CONSTRUCTION),
                  List.of(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
                  "1404",
                  List.of(Collateral.EMISSION_RIGHTS),
                  List.of(Tag.GREEN),
                  "200000000.00")),
          // The bank planned 50 M CNY of new inclusive loans to 20-odd small firms this year.
          new Offer(
              "cib-changzhi",
              product(
                  "兴优贷",
                  ProductCategory.INCLUSIVE,
                  "300000.00",
                  "5000000.00",
                  6,
                  36,
                  "3.45",
                  "5.50",
                  List.of(
                      Industry.AGRICULTURE,
                      Industry.INDUSTRY_AND_SOFTWARE,
                      Industry.TRADE_AND_HOSPITALITY,
                      Industry.CULTURE_AND_TOURISM),
                  List.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
                  "1404",
                  List.of(Collateral.REAL_ESTATE, Collateral.GUARANTEE),
                  List.of(Tag.INCLUSIVE, Tag.FIRST_LOAN),
                  "50000000.00")),
          new Offer(
              "cib-changzhi",
              product(
                  "商票保",
                  ProductCategory.SUPPLY_CHAIN,
                  "500000.00",
                  "20000000.00",
                  3,
                  12,
                  "3.10",
                  "4.20",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE, Industry.TRADE_AND_HOSPITALITY),
                  List.of(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
                  "1404",
                  List.of(Collateral.COMMERCIAL_PAPER),
                  List.of(Tag.INCLUSIVE),
                  null)),
          new Offer(
              "cib-changzhi",
              product(
                  "创房保",
                  ProductCategory.INCLUSIVE,
                  "500000.00",
                  "10000000.00",
                  12,
                  60,
                  "3.60",
                  "5.20",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE, Industry.TRADE_AND_HOSPITALITY),
                  List.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
                  "1404",
                  List.of(Collateral.REAL_ESTATE),
                  List.of(Tag.INCLUSIVE),
                  null)),
          new Offer(
              "cib-changzhi",
              product(
                  "创信保",
                  ProductCategory.INCLUSIVE,
                  "100000.00",
                  "3000000.00",
                  6,
                  36,
                  "3.45",
                  "5.80",
                  List.of(
                      Industry.INDUSTRY_AND_SOFTWARE,
                      Industry.TRADE_AND_HOSPITALITY,
                      Industry.OTHER_SERVICES),
                  List.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
                  "1404",
                  List.of(),
                  List.of(Tag.INCLUSIVE, Tag.FIRST_LOAN),
                  null)),
          // Investment banking at the provincial banks: a first syndicated loan of 190 M CNY, M&A
          // loans, a first equity-income-right pledge loan of 120 M CNY.
          new Offer(
              "jinshang-bank",
              product(
                  "银团贷款",
                  ProductCategory.SYNDICATED,
                  "50000000.00",
                  "500000000.00",
                  36,
                  180,
                  "3.50",
                  "4.90",
                  List.of(
                      Industry.INDUSTRY_AND_SOFTWARE,
                      Industry.CONSTRUCTION,
                      Industry.TRANSPORT,
                      Industry.CULTURE_AND_TOURISM),
                  List.of(EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
                  "14",
                  List.of(Collateral.REAL_ESTATE, Collateral.EQUIPMENT, Collateral.GUARANTEE),
                  List.of(Tag.KEY_PROJECT),
                  null)),
          new Offer(
              "jinshang-bank",
              product(
                  "并购贷款",
                  ProductCategory.ACQUISITION,
                  "10000000.00",
                  "300000000.00",
                  12,
                  84,
                  "3.80",
                  "5.20",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE, Industry.TRADE_AND_HOSPITALITY),
                  List.of(EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
                  "14",
                  List.of(Collateral.EQUITY, Collateral.GUARANTEE),
                  List.of(Tag.KEY_PROJECT),
                  "1000000000.00")),
          new Offer(
              "shanxi-bank",
              product(
                  "股权收益权质押贷款",
                  ProductCategory.EQUITY_PLEDGE,
                  "10000000.00",
                  "200000000.00",
                  12,
                  60,
                  "3.90",
                  "5.50",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE, Industry.CONSTRUCTION),
                  List.of(EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
                  "14",
                  List.of(Collateral.EQUITY),
                  List.of(Tag.KEY_PROJECT),
                  "800000000.00")),
          new Offer(
              "shanxi-bank",
              product(
                  "固定资产贷款",
                  ProductCategory.FIXED_ASSETS,
                  "5000000.00",
                  "200000000.00",
                  24,
                  120,
                  "3.60",
                  "4.90",
                  List.of(
                      Industry.INDUSTRY_AND_SOFTWARE,
                      Industry.CONSTRUCTION,
                      Industry.AGRICULTURE,
                      Industry.TRANSPORT),
                  List.of(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
                  "14",
                  List.of(Collateral.REAL_ESTATE, Collateral.EQUIPMENT),
                  List.of(Tag.KEY_PROJECT),
                  null)),
          new Offer(
              "changan-shangluo",
              product(
                  "普惠小微贷",
                  ProductCategory.INCLUSIVE,
                  "100000.00",
                  "3000000.00",
                  6,
                  36,
                  "3.85",
                  "5.90",
                  List.of(
                      Industry.AGRICULTURE,
                      Industry.CULTURE_AND_TOURISM,
                      Industry.TRADE_AND_HOSPITALITY),
                  List.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
                  "6110",
                  List.of(Collateral.GUARANTEE),
                  List.of(Tag.INCLUSIVE, Tag.FIRST_LOAN),
                  "100000000.00")),
          new Offer(
              "changan-shangluo",
              product(
                  "流动资金贷款",
                  ProductCategory.WORKING_CAPITAL,
                  "1000000.00",
                  "50000000.00",
                  6,
                  36,
                  "3.70",
                  "5.20",
                  List.of(Industry.INDUSTRY_AND_SOFTWARE, Industry.AGRICULTURE),
                  List.of(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
                  "6110",
                  List.of(Collateral.RECEIVABLES, Collateral.REAL_ESTATE),
                  List.of(),
                  null)),
          new Offer(
              "zhangzi-rcb",
              product(
                  "食用菌产业贷",
                  ProductCategory.INCLUSIVE,
                  "50000.00",
                  "5000000.00",
                  6,
                  36,
                  "4.10",
                  "6.50",
                  List.of(Industry.AGRICULTURE),
                  List.of(EnterpriseSize.MICRO, EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
                  "140428",
                  List.of(Collateral.EQUIPMENT, Collateral.GUARANTEE),
                  List.of(Tag.INCLUSIVE, Tag.FIRST_LOAN),
                  "30000000.00")));

  private final Banks banks;
  private final Products products;

  DemoCatalog(Banks banks, Products products) {
    this.banks = banks;
    this.products = products;
  }

  /**
   * Waits for the load on purpose: the runner holds the service back from reporting ready, so a
   * demo that is up has its catalog.
   */
  @Override
  public void run(ApplicationArguments args) {
    Long added = load().block(Duration.ofMinutes(1));
    log.info("Demo catalog loaded: {} products added", added);
  }

  /** Adds what is missing of the demo banks and products; returns how many products it added. */
  Mono<Long> load() {
    return Flux.fromIterable(BANKS)
        .concatMap(this::registerIfMissing)
        .thenMany(Flux.fromIterable(OFFERS))
        .concatMap(this::publishIfMissing)
        .count();
  }

  private Mono<Void> registerIfMissing(NewBank bank) {
    return banks
        .register(bank)
        .then()
        .onErrorResume(
            error -> error instanceof ApiProblem problem && "BANK_EXISTS".equals(problem.code()),
            registered -> Mono.empty());
  }

  private Mono<Product> publishIfMissing(Offer offer) {
    return products
        .search(
            new ProductQuery(null, null, null, null, null, offer.bankCode(), null),
            PageRequest.of(0, PageRequest.MAX_SIZE))
        .map(page -> page.items().stream().map(Product::name).collect(Collectors.toSet()))
        .flatMap(
            (Set<String> names) ->
                names.contains(offer.product().name())
                    ? Mono.empty()
                    : products.publish(offer.bankCode(), offer.product()));
  }

  private static ProductRequest product(
      String name,
      ProductCategory category,
      String minAmount,
      String maxAmount,
      int minTerm,
      int maxTerm,
      String minRate,
      String maxRate,
      List<Industry> industries,
      List<EnterpriseSize> sizes,
      String region,
      List<Collateral> collateral,
      List<Tag> tags,
      String budget) {
    return new ProductRequest(
        name,
        category,
        new BigDecimal(minAmount),
        new BigDecimal(maxAmount),
        minTerm,
        maxTerm,
        new BigDecimal(minRate),
        new BigDecimal(maxRate),
        industries,
        sizes,
        List.of(region),
        collateral,
        tags,
        FROM,
        TO,
        budget == null ? null : new BigDecimal(budget));
  }
}
