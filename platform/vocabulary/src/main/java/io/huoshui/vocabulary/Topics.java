package io.huoshui.vocabulary;

/**
 * The network's Kafka topics, named once. Every topic is keyed by the aggregate its events are
 * about (a demand's id on the demand topics, a product's on the catalog topic), so that one
 * aggregate's events stay in order on one partition.
 */
public final class Topics {

  /** project-service: demands submitted, changed, withdrawn and their outcomes. */
  public static final String PROJECTS = "huoshui.projects";

  /** matching-service: proposals, no-match findings, escalations and releases. */
  public static final String MATCHES = "huoshui.matches";

  /** credit-service: every answer a bank gives to a match. */
  public static final String BANK_RESPONSES = "huoshui.bank-responses";

  /** credit-service: the banks' products as published, changed and retired. */
  public static final String PRODUCTS = "huoshui.products";

  /** credit-service: the weekly digest of each bank's catalog. */
  public static final String CATALOG = "huoshui.catalog";

  /**
   * identity-service: the working-day calendar, one record per year keyed by the year, compacted,
   * so that a service starting later still reads every year's latest version.
   */
  public static final String CALENDAR = "huoshui.calendar";

  /** What every bank's own topic starts with: the prefix its access rules are written for. */
  public static final String BANK_PREFIX = "huoshui.bank.";

  private static final String BANK_MATCHES_SUFFIX = ".matches";

  private Topics() {}

  /**
   * {@code huoshui.bank.<bank code>.matches}: the demand matched to one bank, which it reads with
   * credentials of its own; identity-service provisions both when it registers the bank.
   */
  public static String bankMatches(String bankCode) {
    return BANK_PREFIX + bankCode + BANK_MATCHES_SUFFIX;
  }

  /** Whether a topic is a bank's own matches topic. */
  public static boolean isBankMatches(String topic) {
    return topic.startsWith(BANK_PREFIX) && topic.endsWith(BANK_MATCHES_SUFFIX);
  }
}
