package io.huoshui.credit.instrument;

/** A retired instrument stays readable (what used it names it) but serves no new loan. */
public enum InstrumentStatus {
  ACTIVE,
  RETIRED
}
