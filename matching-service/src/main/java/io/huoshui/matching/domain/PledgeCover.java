package io.huoshui.matching.domain;

import io.huoshui.vocabulary.PledgeValuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a demand's green pledges are worth to one product, and how much of a loan they carry: the
 * AMOUNT rule's second half, beside the product's own range.
 *
 * <p>A pledge counts when the product takes its kind as collateral and states its terms for it. Its
 * value is the quantity × the unit price when the product accepts UNIT_PRICE and the demand gives a
 * price, else the enterprise's valuation when the product accepts ENTERPRISE_VALUATION and the
 * demand gives one; its ceiling is the value × the product's pledge ratio. A pledge whose licence
 * ends before the loan's last day (the day of matching plus the term) carries nothing, nor does one
 * valued in a way the product does not accept. Values and ceilings are CNY to the cent, each
 * rounded HALF_UP once where it is computed and summed exactly.
 *
 * @param pledges each counted pledge with what it is worth
 * @param value the sum of the values of the pledges that carry the loan
 * @param ceiling the sum of their ceilings: the most the product lends on them
 * @param explanation what the pledges carry, in a Chinese sentence
 * @param english the same sentence in English
 */
public record PledgeCover(
    List<Pledged> pledges,
    BigDecimal value,
    BigDecimal ceiling,
    String explanation,
    String english) {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  public PledgeCover {
    pledges = List.copyOf(pledges);
  }

  /**
   * One pledge as the product values it.
   *
   * @param valuedBy how its value was taken; null when the product accepts neither way it is given
   * @param value its value, null when not valued
   * @param ceiling what it carries: 0.00 when its licence ends before the term or it is not valued
   * @param coversTerm whether its licence holds through the loan's term
   */
  public record Pledged(
      GreenPledge offered,
      BigDecimal pledgeRatio,
      PledgeValuation valuedBy,
      BigDecimal value,
      BigDecimal ceiling,
      boolean coversTerm) {}

  /**
   * The cover of the demand's pledges for the product on the day; empty when the demand details no
   * pledge of a kind the product takes and states terms for, so that it lends on the collateral's
   * kind alone, as before green pledges were detailed.
   */
  public static Optional<PledgeCover> of(Product product, Demand demand, LocalDate day) {
    // The fit rules run for every candidate product: most pairs have nothing to value.
    if (demand.greenPledges().isEmpty() || product.greenTerms().isEmpty()) {
      return Optional.empty();
    }
    List<Pledged> counted = new ArrayList<>();
    for (GreenPledge pledge : demand.greenPledges()) {
      if (!product.collateral().contains(pledge.kind())) {
        continue;
      }
      product
          .greenTerms(pledge.kind())
          .ifPresent(terms -> counted.add(valued(pledge, terms, day, demand.termMonths())));
    }
    if (counted.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal value = ZERO;
    BigDecimal ceiling = ZERO;
    for (Pledged pledged : counted) {
      if (pledged.ceiling().signum() > 0) {
        value = value.add(pledged.value());
        ceiling = ceiling.add(pledged.ceiling());
      }
    }
    String ratio = sharedRatio(counted);
    BigDecimal amount = demand.amountRequested();
    String chinese;
    String english;
    if (ratio == null) {
      chinese = "质押物价值 %s 按各自质押率可担保 %s".formatted(money(value), money(ceiling));
      english = "pledges worth %s cover %s at their ratios".formatted(money(value), money(ceiling));
    } else {
      chinese = "质押物价值 %s × %s%% 可担保 %s".formatted(money(value), ratio, money(ceiling));
      english = "pledge worth %s × %s %% covers %s".formatted(money(value), ratio, money(ceiling));
    }
    if (amount.compareTo(ceiling) <= 0) {
      chinese += "，足以覆盖申请金额 %s".formatted(money(amount));
      english += ", enough for %s".formatted(money(amount));
    } else {
      chinese += "，不足申请金额 %s".formatted(money(amount));
      english += " of %s".formatted(money(amount));
    }
    return Optional.of(new PledgeCover(counted, value, ceiling, chinese, english));
  }

  /** Whether the pledges carry the amount. */
  public boolean covers(BigDecimal amount) {
    return amount.compareTo(ceiling) <= 0;
  }

  /**
   * Why the pledges do not carry the demand's amount: each licence that ends before the term, each
   * pledge valued in a way the product does not accept, and what the others carry when they carry
   * anything at all.
   */
  List<RuleExplanation> shortfalls(int termMonths) {
    List<RuleExplanation> why = new ArrayList<>();
    boolean anyCarries = false;
    for (Pledged pledged : pledges) {
      GreenPledge pledge = pledged.offered();
      if (!pledged.coversTerm()) {
        why.add(
            new RuleExplanation(
                FitRule.AMOUNT,
                "%s有效期至%s，早于%d个月贷款期限"
                    .formatted(pledge.licenceChinese(), pledge.validUntil(), termMonths),
                "%s ends %s, before the %d-month term"
                    .formatted(pledge.licenceEnglish(), pledge.validUntil(), termMonths)));
      } else if (pledged.valuedBy() == null) {
        why.add(
            new RuleExplanation(
                FitRule.AMOUNT,
                "%s的计价方式（%s）不为该产品所接受"
                    .formatted(pledge.licenceChinese(), pledge.unitPrice() == null ? "企业估值" : "单价"),
                "the %s is valued by %s, which the product does not accept"
                    .formatted(
                        pledge.licenceEnglish(),
                        pledge.unitPrice() == null ? "the enterprise's valuation" : "unit price")));
      } else {
        anyCarries = true;
      }
    }
    if (anyCarries) {
      why.add(new RuleExplanation(FitRule.AMOUNT, explanation, english));
    }
    return why;
  }

  private static Pledged valued(GreenPledge pledge, GreenTerms terms, LocalDate day, int months) {
    PledgeValuation valuedBy = null;
    BigDecimal value = null;
    if (pledge.unitPrice() != null && terms.valuations().contains(PledgeValuation.UNIT_PRICE)) {
      valuedBy = PledgeValuation.UNIT_PRICE;
      value = pledge.quantity().multiply(pledge.unitPrice()).setScale(2, RoundingMode.HALF_UP);
    } else if (pledge.valuation() != null
        && terms.valuations().contains(PledgeValuation.ENTERPRISE_VALUATION)) {
      valuedBy = PledgeValuation.ENTERPRISE_VALUATION;
      value = pledge.valuation().setScale(2, RoundingMode.HALF_UP);
    }
    boolean coversTerm = pledge.coversTerm(day, months);
    BigDecimal ceiling =
        value == null || !coversTerm
            ? ZERO
            : value
                .multiply(terms.pledgeRatio())
                .movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
    return new Pledged(pledge, terms.pledgeRatio(), valuedBy, value, ceiling, coversTerm);
  }

  /** The one ratio of the pledges that carry anything, as a percent without trailing zeros. */
  private static String sharedRatio(List<Pledged> counted) {
    BigDecimal shared = null;
    for (Pledged pledged : counted) {
      if (pledged.ceiling().signum() == 0) {
        continue;
      }
      if (shared != null && shared.compareTo(pledged.pledgeRatio()) != 0) {
        return null;
      }
      shared = pledged.pledgeRatio();
    }
    return shared == null ? "0" : shared.stripTrailingZeros().toPlainString();
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }
}
