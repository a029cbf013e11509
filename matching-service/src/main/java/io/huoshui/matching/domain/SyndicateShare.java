package io.huoshui.matching.domain;

import io.huoshui.vocabulary.SyndicateRole;
import java.math.BigDecimal;

/**
 * A bank's place in the syndicate (银团) of a demand that no single product covers: what part of the
 * amount requested it is asked to commit, and who leads.
 *
 * @param share the part proposed to this bank; the bank approves what it commits, which may differ
 * @param leadBankCode the bank that leads the syndicate, this bank's own code for the lead
 */
public record SyndicateShare(SyndicateRole role, BigDecimal share, String leadBankCode) {

  public boolean leads() {
    return role == SyndicateRole.LEAD;
  }
}
