package io.huoshui.credit.instrument;

/** What public money a policy instrument puts beside a bank's loan. */
public enum InstrumentKind {
  /** 贴息: the government pays part of the loan's interest. */
  INTEREST_SUBSIDY,
  /** 政府性融资担保: a government guarantee fund guarantees part of the loan for a fee. */
  GUARANTEE,
  /** 风险补偿资金池: a pool that bears part of the bank's loss when the loan fails. */
  RISK_COMPENSATION
}
