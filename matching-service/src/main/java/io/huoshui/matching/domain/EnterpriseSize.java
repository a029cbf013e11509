package io.huoshui.matching.domain;

/** The enterprise size vocabulary of docs/events.md. */
public enum EnterpriseSize {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE;

  /** Small and micro firms are what inclusive (普惠) lending is meant for. */
  boolean isSmallOrMicro() {
    return this == MICRO || this == SMALL;
  }
}
