package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The score of a fitting product for a demand: six weighted parts that add up to at most 100. Each
 * part is rounded to two decimals before it is added, so the total is exactly the sum of the
 * reasons a county officer reads.
 *
 * <ul>
 *   <li>RATE (25): the middle of the rate band on a fixed scale, 3 % earns all, 8 % none — a fixed
 *       scale, not one relative to the other candidates, so a product's score does not change when
 *       another product is published;
 *   <li>TAGS (20): green demand and green product 10, inclusive demand (tagged, or a small or micro
 *       enterprise) and inclusive product 6, key project 2, first loan 2;
 *   <li>AMOUNT_FIT (15): the share of the product's maximum the demand uses, so that a product made
 *       for this size of loan comes before a syndicated facility a hundred times larger;
 *   <li>LOCALITY (15): county branch 15, city 9, province 4;
 *   <li>TRACK_RECORD (15): half answer speed (a first answer on the day earns all, one at twice the
 *       default 3-working-day deadline none), half approval rate; both smoothed so that a bank with
 *       no history starts in the middle, not at either end;
 *   <li>FAIRNESS (10): 10 × 5 / (5 + matches the bank holds open), which spreads demand across
 *       banks of similar quality instead of sending all of it to the largest.
 * </ul>
 */
public final class Scoring {

  static final double RATE_WEIGHT = 25;
  static final double RATE_BEST = 3.0;
  static final double RATE_WORST = 8.0;
  static final double GREEN_POINTS = 10;
  static final double INCLUSIVE_POINTS = 6;
  static final double KEY_PROJECT_POINTS = 2;
  static final double FIRST_LOAN_POINTS = 2;
  static final double AMOUNT_WEIGHT = 15;
  static final Map<Tier, Double> LOCALITY_POINTS =
      Map.of(Tier.COUNTY, 15.0, Tier.CITY, 9.0, Tier.PROVINCE, 4.0);
  static final double SPEED_WEIGHT = 7.5;
  static final double APPROVAL_WEIGHT = 7.5;
  static final double SLOWEST_FIRST_ANSWER_DAYS = 6;
  static final double FAIRNESS_WEIGHT = 10;
  static final double FAIRNESS_HALF_LOAD = 5;

  private final Function<String, BankStanding> standings;

  /**
   * @param standings each bank's standing by bank code; {@link BankStanding#NEW} when unknown
   */
  public Scoring(Function<String, BankStanding> standings) {
    this.standings = standings;
  }

  public Score score(Demand demand, Product product, Tier tier) {
    List<Reason> reasons = new ArrayList<>(6);
    reasons.add(rate(product));
    reasons.add(tags(demand, product));
    reasons.add(amountFit(demand, product));
    reasons.add(
        reason(
            "LOCALITY",
            LOCALITY_POINTS.get(tier),
            "由%s机构服务".formatted(tier.chinese()),
            "served at %s level".formatted(tier.name().toLowerCase(Locale.ROOT))));
    BankStanding standing = standings.apply(product.bankCode());
    reasons.add(trackRecord(standing == null ? BankStanding.NEW : standing));
    reasons.add(fairness(standing == null ? BankStanding.NEW : standing));
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Reason part : reasons) {
      total = total.add(part.points());
    }
    return new Score(total, reasons);
  }

  private static Reason rate(Product product) {
    BigDecimal mid = product.midRate();
    double share = clamp((RATE_WORST - mid.doubleValue()) / (RATE_WORST - RATE_BEST));
    return reason(
        "RATE",
        RATE_WEIGHT * share,
        "年利率 %s%%–%s%%",
        "annual rate %s–%s %%",
        product.minAnnualRate().toPlainString(),
        product.maxAnnualRate().toPlainString());
  }

  private static Reason tags(Demand demand, Product product) {
    double points = 0;
    List<String> aligned = new ArrayList<>(4);
    List<String> alignedChinese = new ArrayList<>(4);
    if (demand.tags().contains(Tag.GREEN) && product.isGreen()) {
      points += GREEN_POINTS;
      aligned.add("green");
      alignedChinese.add("绿色");
    }
    if (demand.wantsInclusive() && product.isInclusive()) {
      points += INCLUSIVE_POINTS;
      aligned.add("inclusive");
      alignedChinese.add("普惠");
    }
    if (demand.tags().contains(Tag.KEY_PROJECT) && product.tags().contains(Tag.KEY_PROJECT)) {
      points += KEY_PROJECT_POINTS;
      aligned.add("key project");
      alignedChinese.add("重点项目");
    }
    if (demand.tags().contains(Tag.FIRST_LOAN) && product.tags().contains(Tag.FIRST_LOAN)) {
      points += FIRST_LOAN_POINTS;
      aligned.add("first loan");
      alignedChinese.add("首贷");
    }
    return aligned.isEmpty()
        ? reason("TAGS", points, "没有共同标签", "no tag in common")
        : reason(
            "TAGS",
            points,
            "契合：" + String.join("、", alignedChinese),
            "aligned: " + String.join(", ", aligned));
  }

  private static Reason amountFit(Demand demand, Product product) {
    double share = demand.amountRequested().doubleValue() / product.maxAmount().doubleValue();
    return reason(
        "AMOUNT_FIT",
        AMOUNT_WEIGHT * clamp(share),
        "申请 %s 元，产品最高 %s 元",
        "asks %s of at most %s",
        demand.amountRequested().toPlainString(),
        product.maxAmount().toPlainString());
  }

  private static Reason trackRecord(BankStanding standing) {
    double speed =
        standing.firstAnswers() == 0
            ? 0.5
            : clamp(
                1
                    - (double) standing.firstAnswerWorkingDays()
                        / standing.firstAnswers()
                        / SLOWEST_FIRST_ANSWER_DAYS);
    double approval =
        (standing.approvals() + 1.0) / (standing.approvals() + standing.declines() + 2.0);
    double points = SPEED_WEIGHT * speed + APPROVAL_WEIGHT * approval;
    if (standing.firstAnswers() == 0) {
      return reason("TRACK_RECORD", points, "尚无答复", "no answers yet");
    }
    return reason(
        "TRACK_RECORD",
        points,
        "已答复 %d 笔，平均 %.1f 个工作日首次答复，批准 %d 笔，拒绝 %d 笔",
        "%d answers, %.1f working days to the first on average, %d approved, %d declined",
        standing.firstAnswers(),
        (double) standing.firstAnswerWorkingDays() / standing.firstAnswers(),
        standing.approvals(),
        standing.declines());
  }

  private static Reason fairness(BankStanding standing) {
    double points =
        FAIRNESS_WEIGHT * FAIRNESS_HALF_LOAD / (FAIRNESS_HALF_LOAD + standing.liveMatches());
    return reason(
        "FAIRNESS", points, "该银行在办匹配 %d 笔", "%d matches open at this bank", standing.liveMatches());
  }

  /** A reason whose two wordings are filled from the same numbers. */
  private static Reason reason(
      String factor, double points, String chinese, String english, Object... numbers) {
    return new Reason(
        factor,
        BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP),
        chinese.formatted(numbers),
        english.formatted(numbers));
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }
}
