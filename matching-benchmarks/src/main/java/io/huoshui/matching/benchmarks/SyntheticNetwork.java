package io.huoshui.matching.benchmarks;

import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.Instrument;
import io.huoshui.matching.domain.Product;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A national network at the scale the benchmarks ask for, seeded so that every run measures the
 * same data: the 31 provinces' codes, 8–14 cities each, 6–12 counties a city (about 3,000
 * counties); products half at county level, 30 % city, 15 % province and 5 % national (three
 * provinces); policy instruments of counties, cities and provinces; demands spread evenly over the
 * counties, amounts from 100 thousand to 100 million.
 */
final class SyntheticNetwork {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static final int[] PROVINCES = {
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65
  };
  private static final long[] MIN_AMOUNTS = {
    100_000, 500_000, 1_000_000, 5_000_000, 10_000_000, 50_000_000
  };

  private final Random random;
  private final List<String> provinces = new ArrayList<>();
  private final List<String> cities = new ArrayList<>();
  private final List<String> counties = new ArrayList<>();

  SyntheticNetwork(long seed) {
    random = new Random(seed);
    for (int province : PROVINCES) {
      String provinceCode = Integer.toString(province);
      provinces.add(provinceCode);
      int cityCount = 8 + random.nextInt(7);
      for (int city = 1; city <= cityCount; city++) {
        String cityCode = provinceCode + "%02d".formatted(city);
        cities.add(cityCode);
        int countyCount = 6 + random.nextInt(7);
        for (int county = 21; county < 21 + countyCount; county++) {
          counties.add(cityCode + county);
        }
      }
    }
  }

  List<Product> products(int count) {
    List<Product> products = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      products.add(product(i));
    }
    return products;
  }

  /**
   * Policy instruments: 40 % a county's, 30 % a city's, 30 % a province's; each kind alike, half of
   * them open to every industry, a third for first loans only.
   */
  List<Instrument> instruments(int count) {
    List<Instrument> instruments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      instruments.add(instrument(i));
    }
    return instruments;
  }

  List<Demand> demands(int count) {
    List<Demand> demands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      demands.add(demand(i));
    }
    return demands;
  }

  /**
   * Demands of 200 million to 2 billion CNY tagged SYNDICATION, above what almost any one product
   * lends: the matcher shares each among banks.
   */
  List<Demand> syndicatedDemands(int count) {
    List<Demand> demands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Demand demand = demand(i);
      long amount = (200 + random.nextInt(1_801)) * 1_000_000L;
      demands.add(
          new Demand(
              new UUID(0x5d5d, i),
              demand.county(),
              demand.industry(),
              demand.enterpriseSize(),
              demand.purpose(),
              BigDecimal.valueOf(amount * 100, 2),
              demand.termMonths(),
              demand.collateral(),
              Set.of(Tag.SYNDICATION),
              List.of()));
    }
    return demands;
  }

  private Product product(int serial) {
    int level = random.nextInt(100);
    List<String> regions;
    String bank;
    if (level < 50) {
      String county = pick(counties);
      regions = List.of(county);
      bank = "rcb-" + county;
    } else if (level < 80) {
      String city = pick(cities);
      regions = List.of(city);
      bank = "city-" + city + "-" + random.nextInt(4);
    } else if (level < 95) {
      String province = pick(provinces);
      regions = List.of(province);
      bank = "provincial-" + province + "-" + random.nextInt(6);
    } else {
      regions =
          List.of(pick(provinces), pick(provinces), pick(provinces)).stream().distinct().toList();
      bank = "national-" + random.nextInt(12);
    }
    long minAmount = MIN_AMOUNTS[random.nextInt(MIN_AMOUNTS.length)];
    long maxAmount = minAmount * (5 + random.nextInt(96));
    int minTerm = 1 + random.nextInt(24);
    BigDecimal minRate = BigDecimal.valueOf(300 + random.nextInt(400), 2);
    return new Product(
        new UUID(0x5eed, serial),
        bank,
        "product " + serial,
        ProductCategory.values()[random.nextInt(ProductCategory.values().length)],
        BigDecimal.valueOf(minAmount * 100, 2),
        BigDecimal.valueOf(maxAmount * 100, 2),
        minTerm,
        minTerm + 12 + random.nextInt(108),
        minRate,
        minRate.add(BigDecimal.valueOf(random.nextInt(150), 2)),
        random.nextInt(5) == 0 ? Set.of() : some(Industry.class, 1 + random.nextInt(3)),
        random.nextBoolean() ? Set.of() : some(EnterpriseSize.class, 1 + random.nextInt(3)),
        regions,
        random.nextInt(10) < 3 ? Set.of() : some(Collateral.class, 1 + random.nextInt(3)),
        random.nextInt(3) == 0 ? some(Tag.class, 1) : Set.of(),
        TODAY.minusDays(random.nextInt(365)),
        random.nextInt(20) == 0 ? TODAY.minusDays(1) : null,
        random.nextInt(10) < 3 ? BigDecimal.valueOf(1_000_000L + random.nextInt(99_000_000)) : null,
        true,
        1,
        null,
        null,
        List.of());
  }

  private Instrument instrument(int serial) {
    int level = random.nextInt(10);
    String region = pick(level < 4 ? counties : level < 7 ? cities : provinces);
    InstrumentKind kind = InstrumentKind.values()[random.nextInt(InstrumentKind.values().length)];
    BigDecimal percentage =
        BigDecimal.valueOf(kind == InstrumentKind.INTEREST_SUBSIDY ? 100 : 8000, 2);
    return new Instrument(
        new UUID(0x1257, serial),
        kind,
        region,
        "instrument " + serial,
        List.of(region),
        random.nextBoolean() ? Set.of() : some(Industry.class, 1 + random.nextInt(3)),
        random.nextBoolean() ? Set.of() : some(EnterpriseSize.class, 1 + random.nextInt(2)),
        random.nextInt(3) == 0 ? some(Purpose.class, 2) : Set.of(),
        random.nextInt(3) == 0 ? Set.of(Tag.FIRST_LOAN) : Set.of(),
        BigDecimal.valueOf(10_000_000_00L, 2),
        36 + random.nextInt(25),
        kind == InstrumentKind.INTEREST_SUBSIDY ? percentage : null,
        kind == InstrumentKind.INTEREST_SUBSIDY ? BigDecimal.valueOf(100_000_00L, 2) : null,
        kind == InstrumentKind.GUARANTEE ? percentage : null,
        kind == InstrumentKind.GUARANTEE ? BigDecimal.ONE : null,
        kind == InstrumentKind.RISK_COMPENSATION ? BigDecimal.valueOf(4000, 2) : null,
        BigDecimal.valueOf(500_000_000_00L, 2),
        TODAY.minusDays(random.nextInt(365)),
        null,
        true,
        1);
  }

  private Demand demand(int serial) {
    long amount = Math.round(Math.pow(10, 5 + random.nextDouble() * 3) / 10_000) * 10_000;
    return new Demand(
        new UUID(0xd0d0, serial),
        pick(counties),
        Industry.values()[random.nextInt(Industry.values().length)],
        EnterpriseSize.values()[random.nextInt(EnterpriseSize.values().length)],
        Purpose.values()[random.nextInt(Purpose.values().length)],
        BigDecimal.valueOf(amount * 100, 2),
        6 + random.nextInt(115),
        random.nextInt(10) == 0 ? Set.of(Collateral.NONE) : some(Collateral.class, 2),
        random.nextInt(3) == 0 ? some(Tag.class, 1) : Set.of(),
        List.of());
  }

  private <E extends Enum<E>> Set<E> some(Class<E> type, int count) {
    E[] values = type.getEnumConstants();
    Set<E> chosen = EnumSet.noneOf(type);
    for (int i = 0; i < count; i++) {
      chosen.add(values[random.nextInt(values.length)]);
    }
    return chosen;
  }

  private String pick(List<String> codes) {
    return codes.get(random.nextInt(codes.size()));
  }
}
