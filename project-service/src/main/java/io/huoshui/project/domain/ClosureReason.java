package io.huoshui.project.domain;

/** Why a county closes its demand itself. */
public enum ClosureReason {
  /** Financed through the network, but below the amount requested. */
  FINANCED_BELOW_AMOUNT,
  FINANCED_ELSEWHERE,
  NO_LONGER_NEEDED
}
