package io.huoshui.project.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.domain.Step;
import io.huoshui.project.domain.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
    Map<String, Object> details,
    ActorView actor) {

  /**
   * Who took the step: the client and request when a request did (the county here, or a bank
   * through credit-service), and the service that took or reported it; a step recorded before
   * either was kept has none.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ActorView(String clientId, String requestId, String service) {

    static ActorView of(TimelineEntry entry) {
      if (entry.actor() == null && entry.service() == null) {
        return null;
      }
      return entry.actor() == null
          ? new ActorView(null, null, entry.service())
          : new ActorView(entry.actor().clientId(), entry.actor().requestId(), entry.service());
    }
  }

  /** How a match ended, as a county officer says it, for the summary of an exhausted demand. */
  private static final Map<String, String> ENDINGS =
      Map.of(
          "INSUFFICIENT_COLLATERAL", "抵押物不足",
          "OUTSIDE_CREDIT_POLICY", "不符合信贷政策",
          "INCOMPLETE_INFORMATION", "资料不全",
          "ENTERPRISE_CREDIT_RECORD", "企业信用记录不良",
          "AMOUNT_TOO_LARGE", "金额超出可贷额度",
          "OTHER", "其他原因",
          "DECLINED", "拒绝且未说明原因",
          "RED", "超时未答复",
          "SUPERSEDED", "被其他产品替换");

  private static final Map<String, String> CLOSURES =
      Map.of(
          "FINANCED_BELOW_AMOUNT", "已获部分融资",
          "FINANCED_ELSEWHERE", "已通过其他渠道融资",
          "NO_LONGER_NEEDED", "不再需要融资");

  static TimelineView of(TimelineEntry entry) {
    return new TimelineView(
        entry.step(),
        entry.at(),
        summaryOf(entry),
        entry.bankCode(),
        entry.productId(),
        entry.productName(),
        entry.amount(),
        entry.details(),
        ActorView.of(entry));
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
      case EXHAUSTED -> "所有匹配银行均已拒绝或超时：" + endings(details.get("tried"));
      case REOPENED -> "有新的适配产品（银行 %s），需求重新开放".formatted(bank);
      case CLOSED ->
          "县里已办结：%s%s"
              .formatted(
                  CLOSURES.getOrDefault(
                      details.get("reason"), String.valueOf(details.get("reason"))),
                  details.containsKey("note") ? "（" + details.get("note") + "）" : "");
    };
  }

  /**
   * "抵押物不足 1 家，超时未答复 1 家": how many matches ended each way, in the order the first of each ended.
   */
  private static String endings(Object tried) {
    Map<String, Integer> counted = new LinkedHashMap<>();
    if (tried instanceof List<?> matches) {
      for (Object match : matches) {
        if (match instanceof Map<?, ?> ended) {
          Object reason = ended.get("declineReason");
          String key = String.valueOf(reason != null ? reason : ended.get("cause"));
          counted.merge(ENDINGS.getOrDefault(key, key), 1, Integer::sum);
        }
      }
    }
    return counted.entrySet().stream()
        .map(ending -> ending.getKey() + " " + ending.getValue() + " 家")
        .collect(Collectors.joining("，"));
  }

  private static String amountOf(TimelineEntry entry) {
    return entry.amount() == null
        ? "an amount not stated"
        : entry.amount().toPlainString() + " CNY";
  }
}
