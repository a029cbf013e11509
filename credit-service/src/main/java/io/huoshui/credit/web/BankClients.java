package io.huoshui.credit.web;

import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;

/**
 * Products and inboxes belong to a bank: a bank client acts for its own bank only, whose code is
 * its tenant id, and every query on its behalf is built with that code.
 */
public final class BankClients {

  private BankClients() {}

  /** The code of the bank the caller acts for; 403 for a county or an operator. */
  public static String bankOf(Tenant tenant) {
    if (!tenant.isBank()) {
      throw ApiProblem.forbidden(
          "只有银行客户端可以为本银行办理此事。", "Only a bank client may do this, for its own bank.");
    }
    return tenant.id();
  }
}
