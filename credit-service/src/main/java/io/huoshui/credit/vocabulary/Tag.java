package io.huoshui.credit.vocabulary;

public enum Tag {
  GREEN,
  INCLUSIVE,
  KEY_PROJECT,
  FIRST_LOAN
}
