package io.huoshui.vocabulary;

/** Policy labels of demands and products: green, inclusive (普惠), key project, first loan (首贷). */
public enum Tag {
  GREEN,
  INCLUSIVE,
  KEY_PROJECT,
  FIRST_LOAN
}
