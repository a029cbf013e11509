package io.huoshui.project.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.domain.Step;
import io.huoshui.project.domain.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One step of a demand's timeline, with a sentence a county officer can read as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineView(
    Step step,
    Instant at,
    String summary,
    String bankCode,
    UUID productId,
    String productName,
    BigDecimal amount,
    Map<String, Object> details) {

  static TimelineView of(TimelineEntry entry) {
    return new TimelineView(
        entry.step(),
        entry.at(),
        summaryOf(entry),
        entry.bankCode(),
        entry.productId(),
        entry.productName(),
        entry.amount(),
        entry.details());
  }

  private static String summaryOf(TimelineEntry entry) {
    Map<String, Object> details = entry.details();
    String bank = entry.bankCode();
    String amount = amountOf(entry);
    return switch (entry.step()) {
      case SUBMITTED -> "Submitted, asking for %s".formatted(amount);
      case UPDATED ->
          "Changed by the county (version %s), asking for %s; matching starts afresh"
              .formatted(details.get("version"), amount);
      case PUSHED -> "Pushed to bank %s with product %s".formatted(bank, entry.productName());
      case NO_MATCH ->
          "No product fitted (%s evaluated)".formatted(details.get("evaluatedProducts"));
      case SUPERVISION_NOTICE ->
          "%s supervision notice: bank %s has not answered (deadline %s)"
              .formatted(details.get("colour"), bank, details.get("deadline"));
      case MATCH_RELEASED ->
          "The match with bank %s ended (%s)".formatted(bank, details.get("cause"));
      case BANK_INTEREST -> "Bank %s is interested in %s".formatted(bank, amount);
      case BANK_DECLINE ->
          "Bank %s declined (%s)".formatted(bank, details.getOrDefault("declineReason", "OTHER"));
      case APPROVED -> "Bank %s approved %s".formatted(bank, amount);
      case DISBURSED -> "Bank %s disbursed %s".formatted(bank, amount);
      case WITHDRAWN -> "Withdrawn by the county: %s".formatted(details.get("reason"));
    };
  }

  private static String amountOf(TimelineEntry entry) {
    return entry.amount() == null
        ? "an amount not stated"
        : entry.amount().toPlainString() + " CNY";
  }
}
