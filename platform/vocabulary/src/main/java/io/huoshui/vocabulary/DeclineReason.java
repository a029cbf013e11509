package io.huoshui.vocabulary;

/**
 * Why a bank declines a match: the bank's answer names one, and matching routes the demand onward
 * by it (a decline for collateral looks for a guarantee before the next bank's collateral).
 */
public enum DeclineReason {
  INSUFFICIENT_COLLATERAL,
  OUTSIDE_CREDIT_POLICY,
  INCOMPLETE_INFORMATION,
  ENTERPRISE_CREDIT_RECORD,
  AMOUNT_TOO_LARGE,
  OTHER
}
