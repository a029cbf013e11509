package io.huoshui.matching.domain;

import io.huoshui.vocabulary.Language;

/**
 * Why a fit rule turned a product away, in words, where the count of products says too little: a
 * licence that ends before the term, a pledge whose value at the product's ratio falls short.
 *
 * @param explanation the Chinese sentence
 * @param english the same sentence in English
 */
public record RuleExplanation(FitRule rule, String explanation, String english) {

  /** The sentence in the reader's language. */
  public String explanation(Language language) {
    return language.pick(explanation, english);
  }
}
