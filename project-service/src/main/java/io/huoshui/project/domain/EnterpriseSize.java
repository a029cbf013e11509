package io.huoshui.project.domain;

public enum EnterpriseSize {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE
}
