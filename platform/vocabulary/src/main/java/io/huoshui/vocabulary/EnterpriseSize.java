package io.huoshui.vocabulary;

/** The size class of an enterprise. */
public enum EnterpriseSize {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE;

  /** Small and micro firms are what inclusive (普惠) lending is meant for. */
  public boolean isSmallOrMicro() {
    return this == MICRO || this == SMALL;
  }
}
