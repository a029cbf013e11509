package io.huoshui.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What public money a policy instrument puts beside a bank's loan, and what one loan takes of its
 * budget: the catalog that draws on an instrument at approval and the matcher that offers it only
 * while it has room must agree to the cent, so the rule is here once.
 */
public enum InstrumentKind {
  /** 贴息: the government pays part of the loan's interest. */
  INTEREST_SUBSIDY,
  /** 政府性融资担保: a government guarantee fund guarantees part of the loan for a fee. */
  GUARANTEE,
  /** 风险补偿资金池: a pool that bears part of the bank's loss when the loan fails. */
  RISK_COMPENSATION;

  private static final BigDecimal MONTHS_A_YEAR = BigDecimal.valueOf(12);

  /**
   * What a loan takes of the instrument's budget, to the cent: a subsidy what it will pay over the
   * term (points of the amount a year, capped by its ceiling), a guarantee the amount it
   * guarantees, a risk pool its share of the amount, should all of it be lost.
   *
   * @param percentage the subsidy's points a year, the guarantee's coverage or the pool's loss
   *     share, in percent
   * @param subsidyCeiling the most a subsidy pays one loan, null for none; ignored by other kinds
   */
  public BigDecimal draw(
      BigDecimal amount, int termMonths, BigDecimal percentage, BigDecimal subsidyCeiling) {
    BigDecimal share = amount.multiply(percentage).movePointLeft(2);
    BigDecimal draw =
        switch (this) {
          case INTEREST_SUBSIDY -> {
            BigDecimal subsidy =
                share
                    .multiply(BigDecimal.valueOf(termMonths))
                    .divide(MONTHS_A_YEAR, 2, RoundingMode.HALF_UP);
            yield subsidyCeiling == null ? subsidy : subsidy.min(subsidyCeiling);
          }
          case GUARANTEE, RISK_COMPENSATION -> share;
        };
    return draw.setScale(2, RoundingMode.HALF_UP);
  }
}
