package io.huoshui.credit.vocabulary;

public enum EnterpriseSize {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE
}
