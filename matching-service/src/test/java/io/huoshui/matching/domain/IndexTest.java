package io.huoshui.matching.domain;

import static io.huoshui.matching.domain.Examples.CHANGZHI;
import static io.huoshui.matching.domain.Examples.SHANXI;
import static io.huoshui.matching.domain.Examples.TODAY;
import static io.huoshui.matching.domain.Examples.XIANGYUAN;
import static io.huoshui.matching.domain.Examples.ZHANGZI;
import static io.huoshui.matching.domain.Examples.demand;
import static io.huoshui.matching.domain.Examples.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The indexes answer exactly what a scan of everything would, only faster. */
class IndexTest {

  private static final List<String> COUNTIES =
      List.of(ZHANGZI, XIANGYUAN, "140702", "611021", "611024");
  private static final List<String> REGIONS =
      List.of(SHANXI, CHANGZHI, "1407", "61", "6110", ZHANGZI, XIANGYUAN, "140702", "611021");

  @Test
  void productIndexFindsEveryFittingProductThatAFullScanFinds() {
    Random random = new Random(6);
    ProductIndex index = new ProductIndex();
    List<Product> everything = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Product product = randomProduct(random, i);
      everything.add(product);
      index.put(product);
    }
    for (int i = 0; i < 500; i++) {
      Demand demand = randomDemand(random, i);
      List<UUID> scanned =
          everything.stream()
              .filter(product -> FitRule.fits(product, demand, TODAY))
              .map(Product::productId)
              .sorted()
              .toList();
      List<UUID> indexed =
          index.candidates(demand).stream()
              .map(Placement::product)
              .filter(product -> FitRule.fits(product, demand, TODAY))
              .map(Product::productId)
              .sorted()
              .toList();
      assertThat(indexed).isEqualTo(scanned);
    }
  }

  @Test
  void productIndexKeepsTheNewestVersionAndDropsARetiredProduct() {
    ProductIndex index = new ProductIndex();
    Product first = product("jinshang-bank", ZHANGZI).id(1).version(2).build();
    assertThat(index.put(first)).isTrue();
    assertThat(index.put(product("jinshang-bank", CHANGZHI).id(1).version(1).build())).isFalse();
    assertThat(index.candidates(demand().build()))
        .containsExactly(new Placement(first, Tier.COUNTY));

    Product widened = product("jinshang-bank", XIANGYUAN).id(1).version(3).build();
    assertThat(index.put(widened)).isTrue();
    assertThat(index.candidates(demand().build())).isEmpty();
    assertThat(index.candidates(demand().county(XIANGYUAN).build())).hasSize(1);

    assertThat(index.put(product("jinshang-bank", XIANGYUAN).id(1).version(4).retired().build()))
        .isTrue();
    assertThat(index.size()).isZero();
    assertThat(index.candidates(demand().county(XIANGYUAN).build())).isEmpty();
  }

  @Test
  void openDemandIndexFindsEveryDemandAProductFitsThatAFullScanFinds() {
    searchesAgreeWithAFullScan(
        60,
        (index, product) -> index.fitting(product, TODAY),
        (product, demand) -> FitRule.fits(product, demand, TODAY));
  }

  @Test
  void aDemandRemovedFromTheOpenIndexIsNoLongerFound() {
    OpenDemandIndex index = new OpenDemandIndex();
    Demand toyPlant = demand().id(1).build();
    Demand twin = demand().id(2).build();
    index.add(toyPlant);
    index.add(twin);
    Product countyLoan = product("zhangzi-rcb", CHANGZHI).build();

    assertThat(index.remove(toyPlant)).isTrue();
    assertThat(index.remove(toyPlant)).isFalse();

    assertThat(index.fitting(countyLoan, TODAY)).containsExactly(twin.projectId());
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void aProductNotValidTodayOrWithTooLittleBudgetReachesNoDemand() {
    OpenDemandIndex index = new OpenDemandIndex();
    index.add(demand().build());

    assertThat(index.fitting(product("b", ZHANGZI).valid(TODAY.plusDays(1), null).build(), TODAY))
        .isEmpty();
    assertThat(index.fitting(product("b", ZHANGZI).remainingBudget("6999999.99").build(), TODAY))
        .isEmpty();
    assertThat(index.fitting(product("b", SHANXI, CHANGZHI).build(), TODAY)).hasSize(1);
  }

  @Test
  void theShareSearchFindsOnlyADemandOpenToASyndicateAboveTheProductsCeilingFromItsMinimumUp() {
    OpenDemandIndex index = new OpenDemandIndex();
    Demand park = demand().id(1).amount("190000000.00").tags(Tag.SYNDICATION).build();
    Demand alone = demand().id(2).amount("190000000.00").tags(Tag.KEY_PROJECT).build();
    Demand small = demand().id(3).amount("500000.00").tags(Tag.SYNDICATION).build();
    Demand covered = demand().id(4).amount("40000000.00").tags(Tag.SYNDICATION).build();
    List.of(park, alone, small, covered).forEach(index::add);
    Product participant = product("b", CHANGZHI).amounts("1000000.00", "60000000.00").build();

    assertThat(index.sharing(participant, TODAY)).containsExactly(park.projectId());
    assertThat(index.fitting(participant, TODAY)).containsExactly(covered.projectId());
    assertThat(
            index.sharing(
                product("b", CHANGZHI).amounts("1000000.00", "200000000.00").build(), TODAY))
        .as("a product that lends it alone finds it by the single-product search")
        .isEmpty();
    assertThat(
            index.sharing(
                product("b", CHANGZHI)
                    .amounts("1000000.00", "60000000.00")
                    .remainingBudget("999999.99")
                    .build(),
                TODAY))
        .as("a budget left below its own minimum takes no share")
        .isEmpty();
    assertThat(
            index.sharing(
                product("b", CHANGZHI).amounts("1000000.00", "60000000.00").terms(48, 60).build(),
                TODAY))
        .as("a term outside the product's takes no share")
        .isEmpty();
  }

  @Test
  void theShareSearchFindsEveryDemandOpenToASyndicateThatAFullScanFinds() {
    searchesAgreeWithAFullScan(
        61,
        (index, product) -> index.sharing(product, TODAY),
        (product, demand) ->
            demand.tags().contains(Tag.SYNDICATION)
                && FitRule.takesShare(product, demand, TODAY)
                && demand.amountRequested().compareTo(product.minAmount()) >= 0
                && demand.amountRequested().compareTo(product.shareCapacity()) > 0);
  }

  private static void searchesAgreeWithAFullScan(
      long seed,
      BiFunction<OpenDemandIndex, Product, Collection<UUID>> search,
      BiPredicate<Product, Demand> scan) {
    Random random = new Random(seed);
    OpenDemandIndex index = new OpenDemandIndex();
    List<Demand> open = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Demand demand = randomDemand(random, i);
      open.add(demand);
      index.add(demand);
    }
    for (int i = 0; i < 300; i++) {
      Product product = randomProduct(random, i);
      assertThat(sorted(search.apply(index, product)))
          .isEqualTo(
              sorted(
                  open.stream()
                      .filter(demand -> scan.test(product, demand))
                      .map(Demand::projectId)
                      .toList()));
    }
  }

  private static List<UUID> sorted(Collection<UUID> ids) {
    return ids.stream().sorted().toList();
  }

  private static Demand randomDemand(Random random, int id) {
    return new Demand(
        new UUID(7, id),
        COUNTIES.get(random.nextInt(COUNTIES.size())),
        pick(random, Industry.values()),
        pick(random, EnterpriseSize.values()),
        pick(random, Purpose.values()),
        BigDecimal.valueOf(random.nextInt(20_000) * 10_000L, 2),
        6 + random.nextInt(100),
        Set.copyOf(List.of(pick(random, Collateral.values()), pick(random, Collateral.values()))),
        Set.of(pick(random, Tag.values())),
        List.of());
  }

  private static Product randomProduct(Random random, int id) {
    long min = random.nextInt(10_000) * 10_000L;
    int minTerm = 1 + random.nextInt(36);
    Examples.ProductBuilder builder =
        product(
                "bank-" + random.nextInt(20),
                REGIONS.get(random.nextInt(REGIONS.size())),
                REGIONS.get(random.nextInt(REGIONS.size())))
            .id(100_000 + id)
            .amounts(
                BigDecimal.valueOf(min, 2).toPlainString(),
                BigDecimal.valueOf(min + random.nextInt(20_000) * 10_000L, 2).toPlainString())
            .terms(minTerm, minTerm + random.nextInt(84));
    if (random.nextBoolean()) {
      builder.industries(pick(random, Industry.values()));
    }
    if (random.nextBoolean()) {
      builder.sizes(pick(random, EnterpriseSize.values()));
    }
    if (random.nextBoolean()) {
      builder.collateral(pick(random, Collateral.values()));
    }
    if (random.nextInt(5) == 0) {
      builder.remainingBudget(
          BigDecimal.valueOf(random.nextInt(20_000) * 10_000L, 2).toPlainString());
    }
    if (random.nextInt(10) == 0) {
      builder.valid(TODAY.plusDays(1), null);
    }
    return builder.build();
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
