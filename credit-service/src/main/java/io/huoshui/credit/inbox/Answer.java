package io.huoshui.credit.inbox;

/** The four answers a bank gives to a match, in the order a loan goes through them. */
enum Answer {
  INTEREST(MatchStatus.INTERESTED),
  DECLINE(MatchStatus.DECLINED),
  APPROVAL(MatchStatus.APPROVED),
  DISBURSEMENT(MatchStatus.DISBURSED);

  private final MatchStatus after;

  Answer(MatchStatus after) {
    this.after = after;
  }

  MatchStatus statusAfter() {
    return after;
  }
}
