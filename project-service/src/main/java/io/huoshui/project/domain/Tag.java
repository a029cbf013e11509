package io.huoshui.project.domain;

/** Policy labels a demand may carry: green, inclusive (普惠), key project, first loan (首贷). */
public enum Tag {
  GREEN,
  INCLUSIVE,
  KEY_PROJECT,
  FIRST_LOAN
}
