package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Demands and products from the articles, with one thing changed at a time. */
final class Examples {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final String ZHANGZI = "140428";
  static final String XIANGYUAN = "140423";
  static final String CHANGZHI = "1404";
  static final String SHANXI = "14";

  private Examples() {}

  /** 山西德儒教育装备's toy plant asks 7 M CNY for three years, offering its plant and machines. */
  static Demand toyPlant() {
    return new Demand(
        UUID.fromString("00000000-0000-0000-0000-000000000001"),
        ZHANGZI,
        Industry.INDUSTRY_AND_SOFTWARE,
        EnterpriseSize.SMALL,
        Purpose.FIXED_ASSETS,
        new BigDecimal("7000000.00"),
        36,
        Set.of(Collateral.REAL_ESTATE, Collateral.EQUIPMENT),
        Set.of(Tag.KEY_PROJECT),
        List.of());
  }

  static DemandBuilder demand() {
    return new DemandBuilder(toyPlant());
  }

  static ProductBuilder product(String bankCode, String... regions) {
    return new ProductBuilder(bankCode, List.of(regions));
  }

  static final class DemandBuilder {
    private Demand d;

    DemandBuilder(Demand demand) {
      this.d = demand;
    }

    DemandBuilder id(int id) {
      d = with(new UUID(0, id), d.county(), d.industry(), d.enterpriseSize(), d.amountRequested());
      return this;
    }

    DemandBuilder county(String county) {
      d = with(d.projectId(), county, d.industry(), d.enterpriseSize(), d.amountRequested());
      return this;
    }

    DemandBuilder industry(Industry industry) {
      d = with(d.projectId(), d.county(), industry, d.enterpriseSize(), d.amountRequested());
      return this;
    }

    DemandBuilder size(EnterpriseSize size) {
      d = with(d.projectId(), d.county(), d.industry(), size, d.amountRequested());
      return this;
    }

    DemandBuilder amount(String amount) {
      d = with(d.projectId(), d.county(), d.industry(), d.enterpriseSize(), new BigDecimal(amount));
      return this;
    }

    DemandBuilder term(int months) {
      d =
          new Demand(
              d.projectId(),
              d.county(),
              d.industry(),
              d.enterpriseSize(),
              d.purpose(),
              d.amountRequested(),
              months,
              d.collateral(),
              d.tags(),
              List.of());
      return this;
    }

    DemandBuilder collateral(Collateral... offered) {
      d =
          new Demand(
              d.projectId(),
              d.county(),
              d.industry(),
              d.enterpriseSize(),
              d.purpose(),
              d.amountRequested(),
              d.termMonths(),
              Set.of(offered),
              d.tags(),
              List.of());
      return this;
    }

    DemandBuilder tags(Tag... tags) {
      d =
          new Demand(
              d.projectId(),
              d.county(),
              d.industry(),
              d.enterpriseSize(),
              d.purpose(),
              d.amountRequested(),
              d.termMonths(),
              d.collateral(),
              Set.of(tags),
              List.of());
      return this;
    }

    Demand build() {
      return d;
    }

    private Demand with(
        UUID id, String county, Industry industry, EnterpriseSize size, BigDecimal amount) {
      return new Demand(
          id,
          county,
          industry,
          size,
          d.purpose(),
          amount,
          d.termMonths(),
          d.collateral(),
          d.tags(),
          List.of());
    }
  }

  /** A plain working-capital loan open to every industry and size, 1–50 M CNY, 1–5 years. */
  static final class ProductBuilder {
    private static int next = 1;

    UUID id = new UUID(1, next++);
    final String bankCode;
    final List<String> regions;
    ProductCategory category = ProductCategory.WORKING_CAPITAL;
    BigDecimal minAmount = new BigDecimal("1000000.00");
    BigDecimal maxAmount = new BigDecimal("50000000.00");
    int minTerm = 12;
    int maxTerm = 60;
    BigDecimal minRate = new BigDecimal("4.000");
    BigDecimal maxRate = new BigDecimal("5.000");
    Set<Industry> industries = Set.of();
    Set<EnterpriseSize> sizes = Set.of();
    Set<Collateral> collateral = Set.of();
    Set<Tag> tags = Set.of();
    LocalDate validFrom = LocalDate.of(2026, 1, 1);
    LocalDate validTo;
    BigDecimal remainingBudget;
    boolean active = true;
    long version = 1;

    ProductBuilder(String bankCode, List<String> regions) {
      this.bankCode = bankCode;
      this.regions = regions;
    }

    ProductBuilder id(int id) {
      this.id = new UUID(1, id);
      return this;
    }

    ProductBuilder amounts(String min, String max) {
      minAmount = new BigDecimal(min);
      maxAmount = new BigDecimal(max);
      return this;
    }

    ProductBuilder terms(int min, int max) {
      minTerm = min;
      maxTerm = max;
      return this;
    }

    ProductBuilder rates(String min, String max) {
      minRate = new BigDecimal(min);
      maxRate = new BigDecimal(max);
      return this;
    }

    ProductBuilder industries(Industry... values) {
      industries = Set.of(values);
      return this;
    }

    ProductBuilder sizes(EnterpriseSize... values) {
      sizes = Set.of(values);
      return this;
    }

    ProductBuilder collateral(Collateral... values) {
      collateral = Set.of(values);
      return this;
    }

    ProductBuilder category(ProductCategory value) {
      category = value;
      return this;
    }

    ProductBuilder tags(Tag... values) {
      tags = Set.of(values);
      return this;
    }

    ProductBuilder valid(LocalDate from, LocalDate to) {
      validFrom = from;
      validTo = to;
      return this;
    }

    ProductBuilder remainingBudget(String amount) {
      remainingBudget = new BigDecimal(amount);
      return this;
    }

    ProductBuilder retired() {
      active = false;
      return this;
    }

    ProductBuilder version(long value) {
      version = value;
      return this;
    }

    Product build() {
      return new Product(
          id,
          bankCode,
          bankCode + " loan",
          category,
          minAmount,
          maxAmount,
          minTerm,
          maxTerm,
          minRate,
          maxRate,
          industries,
          sizes,
          regions,
          collateral,
          tags,
          validFrom,
          validTo,
          remainingBudget,
          active,
          version,
          null,
          null,
          List.of());
    }
  }
}
