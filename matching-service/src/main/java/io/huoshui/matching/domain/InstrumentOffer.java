package io.huoshui.matching.domain;

import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Language;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One instrument offered with a proposal, with what it gives, as the county and the bank read it.
 *
 * @param draw what the loan, approved in full, would take of the instrument's budget
 * @param explanation what it gives, in a Chinese sentence
 * @param english the same sentence in English
 */
public record InstrumentOffer(
    UUID instrumentId,
    InstrumentKind kind,
    String name,
    String issuerRegion,
    BigDecimal draw,
    String explanation,
    String english) {

  static InstrumentOffer of(
      Instrument instrument, Demand demand, BigDecimal effectiveRate, boolean inPlaceOfCollateral) {
    String name = instrument.name();
    BigDecimal draw = instrument.drawFor(demand);
    String chinese;
    String english;
    switch (instrument.kind()) {
      case INTEREST_SUBSIDY -> {
        chinese =
            "%s：财政贴息%s个百分点，实际年利率约%s%%，贴息合计%s元"
                .formatted(
                    name, plain(instrument.subsidyPoints()), plain(effectiveRate), plain(draw));
        english =
            "%s: pays %s points of the interest, about %s%% a year, %s CNY in all"
                .formatted(
                    name, plain(instrument.subsidyPoints()), plain(effectiveRate), plain(draw));
      }
      case GUARANTEE -> {
        chinese =
            "%s：担保贷款的%s%%，担保费每年%s%%%s"
                .formatted(
                    name,
                    plain(instrument.coverageRatio()),
                    plain(instrument.feeRate()),
                    inPlaceOfCollateral ? "，以担保代替抵押" : "");
        english =
            "%s: guarantees %s%% of the loan for a fee of %s%% a year%s"
                .formatted(
                    name,
                    plain(instrument.coverageRatio()),
                    plain(instrument.feeRate()),
                    inPlaceOfCollateral ? ", in place of collateral" : "");
      }
      case RISK_COMPENSATION -> {
        chinese = "%s：分担银行损失的%s%%".formatted(name, plain(instrument.lossShare()));
        english =
            "%s: bears %s%% of the bank's loss should the loan fail"
                .formatted(name, plain(instrument.lossShare()));
      }
      default -> throw new IllegalStateException(instrument.kind().name());
    }
    return new InstrumentOffer(
        instrument.instrumentId(),
        instrument.kind(),
        name,
        instrument.issuerRegion(),
        draw,
        chinese,
        english);
  }

  /** The sentence in the reader's language. */
  public String explanation(Language language) {
    return language.pick(explanation, english);
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }
}
