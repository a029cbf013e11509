package io.huoshui.credit.inbox;

import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.ApiProblem.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a green pledge behind a match stands registered: its number in the national
 * movable-property registry (动产融资统一登记公示系统登记编号) and the licensing authority's filing (备案号). Money is
 * paid out on a pledge only once both exist, since an unregistered pledge does not bind third
 * parties and an unfiled one may be transferred by the authority meanwhile.
 *
 * @param registrationNumber null while not recorded
 * @param filingNumber null while not recorded
 */
record PledgeRegistration(String registrationNumber, String filingNumber) {

  static final PledgeRegistration NONE = new PledgeRegistration(null, null);

  /** What an answer gives of the registration. */
  static PledgeRegistration of(AnswerRequest request) {
    return new PledgeRegistration(request.registrationNumber(), request.filingNumber());
  }

  boolean isEmpty() {
    return registrationNumber == null && filingNumber == null;
  }

  /** This registration completed by what a later answer gives; a number given replaces one held. */
  PledgeRegistration with(PledgeRegistration given) {
    return new PledgeRegistration(
        given.registrationNumber != null ? given.registrationNumber : registrationNumber,
        given.filingNumber != null ? given.filingNumber : filingNumber);
  }

  /**
   * Refuses a disbursement on the pledge while a number is missing, naming each missing field, so
   * that the bank can send them with the disbursement or record them first.
   */
  void requireComplete() {
    List<Violation> missing = new ArrayList<>(2);
    if (registrationNumber == null) {
      missing.add(
          new Violation(
              "registrationNumber",
              "须填写动产融资统一登记公示系统的登记编号",
              "the registration number of the national movable-property registry is required"));
    }
    if (filingNumber == null) {
      missing.add(
          new Violation(
              "filingNumber",
              "须填写主管部门（如水行政主管部门）的备案号",
              "the filing number of the licensing authority (e.g. the water authority) is required"));
    }
    if (!missing.isEmpty()) {
      throw ApiProblem.conflict(
          "PLEDGE_NOT_REGISTERED",
          "该需求以绿色权利质押（取水证、碳配额或排污权），质押登记编号与主管部门备案号齐全后方可放款。",
          "The demand pledges green rights (a water permit, carbon quota or emission rights): money"
              + " is disbursed only once the pledge's registration and filing numbers are recorded.",
          missing);
    }
  }
}
