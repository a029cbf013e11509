package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Language;
import java.math.BigDecimal;

/**
 * One part of a score, as shown to the county and to the bank.
 *
 * @param factor RATE, TAGS, AMOUNT_FIT, LOCALITY, TRACK_RECORD or FAIRNESS
 * @param points what the part contributed, two decimals
 * @param explanation why, in a Chinese sentence: banks and counties read Chinese
 * @param english the same sentence in English
 */
public record Reason(String factor, BigDecimal points, String explanation, String english) {

  /** The sentence in the reader's language. */
  public String explanation(Language language) {
    return english == null ? explanation : language.pick(explanation, english);
  }
}
