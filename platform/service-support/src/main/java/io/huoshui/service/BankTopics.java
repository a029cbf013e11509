package io.huoshui.service;

/**
 * Each bank reads the demand matched to it from a Kafka topic of its own, with credentials of its
 * own: identity-service provisions both when it registers the bank, the matching service writes to
 * the topic.
 */
public final class BankTopics {

  private BankTopics() {}

  /** {@code huoshui.bank.<bank code>.matches} */
  public static String matchesOf(String bankCode) {
    return "huoshui.bank." + bankCode + ".matches";
  }
}
