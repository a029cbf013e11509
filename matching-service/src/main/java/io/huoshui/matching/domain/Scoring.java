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
            "served at " + tier.name().toLowerCase(Locale.ROOT) + " level"));
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
        "annual rate %s–%s %%"
            .formatted(
                product.minAnnualRate().toPlainString(), product.maxAnnualRate().toPlainString()));
  }

  private static Reason tags(Demand demand, Product product) {
    double points = 0;
    List<String> aligned = new ArrayList<>(4);
    if (demand.tags().contains(Tag.GREEN) && product.isGreen()) {
      points += GREEN_POINTS;
      aligned.add("green");
    }
    if (demand.wantsInclusive() && product.isInclusive()) {
      points += INCLUSIVE_POINTS;
      aligned.add("inclusive");
    }
    if (demand.tags().contains(Tag.KEY_PROJECT) && product.tags().contains(Tag.KEY_PROJECT)) {
      points += KEY_PROJECT_POINTS;
      aligned.add("key project");
    }
    if (demand.tags().contains(Tag.FIRST_LOAN) && product.tags().contains(Tag.FIRST_LOAN)) {
      points += FIRST_LOAN_POINTS;
      aligned.add("first loan");
    }
    return reason(
        "TAGS",
        points,
        aligned.isEmpty() ? "no tag in common" : "aligned: " + String.join(", ", aligned));
  }

  private static Reason amountFit(Demand demand, Product product) {
    double share = demand.amountRequested().doubleValue() / product.maxAmount().doubleValue();
    return reason(
        "AMOUNT_FIT",
        AMOUNT_WEIGHT * clamp(share),
        "asks %s of at most %s"
            .formatted(
                demand.amountRequested().toPlainString(), product.maxAmount().toPlainString()));
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
    String explanation =
        standing.firstAnswers() == 0
            ? "no answers yet"
            : "%d answers, %.1f working days to the first on average, %d approved, %d declined"
                .formatted(
                    standing.firstAnswers(),
                    (double) standing.firstAnswerWorkingDays() / standing.firstAnswers(),
                    standing.approvals(),
                    standing.declines());
    return reason("TRACK_RECORD", SPEED_WEIGHT * speed + APPROVAL_WEIGHT * approval, explanation);
  }

  private static Reason fairness(BankStanding standing) {
    double points =
        FAIRNESS_WEIGHT * FAIRNESS_HALF_LOAD / (FAIRNESS_HALF_LOAD + standing.liveMatches());
    return reason("FAIRNESS", points, standing.liveMatches() + " matches open at this bank");
  }

  private static Reason reason(String factor, double points, String explanation) {
    return new Reason(
        factor, BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP), explanation);
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }
}
