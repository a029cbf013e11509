package io.huoshui.vocabulary;

/**
 * Policy labels of demands and products: green, inclusive (普惠), key project, first loan (首贷), and
 * on a demand SYNDICATION, the county's consent to a loan shared among several banks (银团贷款) when no
 * single product covers its amount.
 */
public enum Tag {
  GREEN,
  INCLUSIVE,
  KEY_PROJECT,
  FIRST_LOAN,
  SYNDICATION
}
