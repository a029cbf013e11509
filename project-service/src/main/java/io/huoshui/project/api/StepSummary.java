package io.huoshui.project.api;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.domain.TimelineEntry;
import io.huoshui.vocabulary.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sentence a county officer reads for a step, in the reader's language. A step keeps its kind
 * and its arguments (codes, amounts, reasons), never a sentence, so that a step recorded long ago
 * reads in either language and with the place names the division table has today.
 *
 * @param county the demand's county
 * @param products the product name of each of the demand's matches, by match id: a financial
 *     office's push names the match, whose product its MatchProposed named
 */
record StepSummary(
    Language language, PlaceNames places, String county, Map<String, String> products) {

  /** The words for the codes steps carry: Chinese, English. */
  private static final Map<String, String[]> WORDS =
      Map.ofEntries(
          Map.entry("INSUFFICIENT_COLLATERAL", new String[] {"抵押物不足", "insufficient collateral"}),
          Map.entry("OUTSIDE_CREDIT_POLICY", new String[] {"不符合信贷政策", "outside the credit policy"}),
          Map.entry("INCOMPLETE_INFORMATION", new String[] {"资料不全", "incomplete information"}),
          Map.entry(
              "ENTERPRISE_CREDIT_RECORD",
              new String[] {"企业信用记录不良", "the enterprise's credit record"}),
          Map.entry("AMOUNT_TOO_LARGE", new String[] {"金额超出可贷额度", "amount too large"}),
          Map.entry("OTHER", new String[] {"其他原因", "other reasons"}),
          Map.entry("DECLINED", new String[] {"拒绝且未说明原因", "declined without a reason"}),
          Map.entry("RED", new String[] {"超时未答复", "no answer in time"}),
          Map.entry("SUPERSEDED", new String[] {"被其他产品替换", "superseded by another product"}),
          Map.entry(
              "REPLACED", new String[] {"银团牵头行已换由其他银行参贷", "replaced in the syndicate by its lead"}),
          Map.entry("WITHDRAWN", new String[] {"需求已撤回", "the demand was withdrawn"}),
          Map.entry("FINANCED", new String[] {"需求已获足额融资", "the demand is financed"}),
          Map.entry("CLOSED", new String[] {"需求已办结", "the demand was closed"}),
          Map.entry("FINANCED_BELOW_AMOUNT", new String[] {"已获部分融资", "financed below the amount"}),
          Map.entry("FINANCED_ELSEWHERE", new String[] {"已通过其他渠道融资", "financed elsewhere"}),
          Map.entry("NO_LONGER_NEEDED", new String[] {"不再需要融资", "no longer needed"}),
          Map.entry("BANK_ANSWERED_OFFLINE", new String[] {"银行已线下答复", "the bank answered offline"}),
          Map.entry("SETTLED", new String[] {"已协调解决", "settled"}),
          Map.entry("NOT_APPLICABLE", new String[] {"无需督办", "not applicable"}),
          Map.entry("BLUE", new String[] {"蓝色", "Blue"}),
          Map.entry("YELLOW", new String[] {"黄色", "Yellow"}),
          Map.entry("RED_NOTICE", new String[] {"红色", "Red"}),
          Map.entry("RELEASED_DECLINED", new String[] {"银行已拒绝", "declined"}),
          Map.entry("COUNTY", new String[] {"县级金融办", "county's financial office"}),
          Map.entry("CITY", new String[] {"市级金融办", "city's financial office"}),
          Map.entry("PROVINCE", new String[] {"省级金融办", "province's financial office"}));

  String of(TimelineEntry entry) {
    Map<String, Object> details = entry.details();
    String bank = entry.bankCode();
    String amount = amountOf(entry);
    return switch (entry.step()) {
      case SUBMITTED ->
          say(
              "%s提交融资需求，申请 %s".formatted(places.label(county, language), amount),
              "Submitted by %s, asking for %s".formatted(places.label(county, language), amount));
      case UPDATED ->
          say(
              "县里修改了需求（第 %s 版），申请 %s，重新匹配".formatted(details.get("version"), amount),
              "Changed by the county (version %s), asking for %s; matching starts afresh"
                  .formatted(details.get("version"), amount));
      case PUSHED ->
          say(
                  "已推送至银行 %s，产品 %s".formatted(bank, entry.productName()),
                  "Pushed to bank %s with product %s".formatted(bank, entry.productName()))
              + (Boolean.TRUE.equals(details.get("manual"))
                  ? say("（人工推送）", " (pushed by a financial office)")
                  : "")
              + ("INSUFFICIENT_COLLATERAL".equals(details.get("routedAfterDecline"))
                  ? say(
                      "；前一家银行因抵押物不足拒绝，已找到政府性融资担保代替抵押",
                      "; an earlier bank declined for insufficient collateral, and a government"
                          + " guarantee now stands for it")
                  : "")
              + syndicate(details)
              + instruments(details);
      case NO_MATCH ->
          say(
              "没有适配的产品（评估了 %s 个）".formatted(details.get("evaluatedProducts")),
              "No product fitted (%s evaluated)".formatted(details.get("evaluatedProducts")));
      case SUPERVISION_NOTICE -> notice(entry);
      case SUPERVISION_ACTED -> acted(entry);
      case MATCH_RELEASED ->
          say(
              "与银行 %s 的匹配已结束（%s）".formatted(bank, cause(details.get("cause"))),
              "The match with bank %s ended (%s)".formatted(bank, cause(details.get("cause"))));
      case BANK_INTEREST ->
          say(
              "银行 %s 有意向，意向金额 %s".formatted(bank, amount),
              "Bank %s is interested in %s".formatted(bank, amount));
      case BANK_DECLINE -> {
        String reason = word(details.getOrDefault("declineReason", "OTHER"));
        yield say(
                "银行 %s 已拒绝（%s）".formatted(bank, reason),
                "Bank %s declined (%s)".formatted(bank, reason))
            + ("AMOUNT_TOO_LARGE".equals(details.get("declineReason"))
                ? say(
                    "；需求标有 SYNDICATION（接受银团贷款）时，由多家银行分担",
                    "; a demand tagged SYNDICATION (open to a syndicated loan) is shared among banks")
                : "");
      }
      case APPROVED ->
          say(
              "银行 %s 已授信 %s".formatted(bank, amount),
              "Bank %s approved %s".formatted(bank, amount));
      case DISBURSED ->
          say(
              "银行 %s 已放款 %s".formatted(bank, amount),
              "Bank %s disbursed %s".formatted(bank, amount));
      case WITHDRAWN ->
          say(
              "县里已撤回：%s".formatted(details.get("reason")),
              "Withdrawn by the county: %s".formatted(details.get("reason")));
      case EXHAUSTED ->
          say(
              "所有匹配银行均已拒绝或超时：" + endings(details.get("tried")),
              "Every fitting bank declined or did not answer: " + endings(details.get("tried")));
      case REOPENED ->
          say(
              "有新的适配产品（银行 %s），需求重新开放".formatted(bank),
              "A new product fits (bank %s): the demand is open again".formatted(bank));
      case CLOSED ->
          say("县里已办结：", "Closed by the county: ") + word(details.get("reason")) + note(details);
    };
  }

  /**
   * A syndicate member's place: "；银团牵头行，建议份额 100000000.00" or "；银团参贷行（牵头行 jinshang-bank），建议份额
   * 60000000.00", after a decline of the amount as too large for one bank when that formed it.
   */
  private String syndicate(Map<String, Object> details) {
    Object role = details.get("syndicateRole");
    if (role == null) {
      return "";
    }
    Object share = details.get("syndicateShare");
    String formed =
        "AMOUNT_TOO_LARGE".equals(details.get("routedAfterDecline"))
            ? say(
                "；前一家银行因金额超出可贷额度拒绝，已组建银团",
                "; an earlier bank declined the amount as too large, so a syndicate shares it")
            : "";
    return formed
        + ("LEAD".equals(role)
            ? say(
                "；银团牵头行，建议份额 %s".formatted(share),
                "; lead bank of the syndicate, share proposed %s".formatted(share))
            : say(
                "；银团参贷行（牵头行 %s），建议份额 %s".formatted(details.get("syndicateLead"), share),
                "; participant of the syndicate led by %s, share proposed %s"
                    .formatted(details.get("syndicateLead"), share)));
  }

  /**
   * What the bank has not done in time, by the stage of the match: "红色督办：银行 jinshang-bank
   * 表示意向后未在期限内作出授信决定（期限 2026-10-20），督办至市级金融办".
   */
  private String notice(TimelineEntry entry) {
    Map<String, Object> details = entry.details();
    String colour = colour(details.get("colour"));
    Object deadline = details.get("deadline");
    String bank = entry.bankCode();
    String owed =
        switch (String.valueOf(details.get("stage"))) {
          case "DECISION" ->
              say(
                  "%s督办：银行 %s 表示意向后未在期限内作出授信决定（期限 %s）".formatted(colour, bank, deadline),
                  "%s supervision notice: bank %s has not decided after its interest (deadline %s)"
                      .formatted(colour, bank, deadline));
          case "DISBURSEMENT" ->
              say(
                  "%s督办：银行 %s 授信后未在期限内放款（期限 %s）".formatted(colour, bank, deadline),
                  "%s supervision notice: bank %s has not disbursed after its approval (deadline %s)"
                      .formatted(colour, bank, deadline));
          default ->
              say(
                  "%s督办：银行 %s 未在期限内答复（期限 %s）".formatted(colour, bank, deadline),
                  "%s supervision notice: bank %s has not answered (deadline %s)"
                      .formatted(colour, bank, deadline));
        };
    Object level = details.get("escalateTo");
    return level == null ? owed : owed + say("，督办至", ", escalated to the ") + word(level);
  }

  /** What a financial office did, named by its region: "长治市金融办销号：银行已线下答复". */
  private String acted(TimelineEntry entry) {
    Map<String, Object> details = entry.details();
    String region = String.valueOf(details.get("operatorRegion"));
    String name = places.nameOf(region);
    String office =
        name == null
            ? say("金融办（%s）".formatted(region), "The financial office %s".formatted(region))
            : say(name + "金融办", "The financial office of " + places.label(region, language));
    String bank = entry.bankCode();
    String product = products.get(String.valueOf(details.get("matchId")));
    String target =
        bank == null
            ? ""
            : product == null ? bank : say(bank + " " + product, bank + ", " + product);
    return switch (String.valueOf(details.get("action"))) {
      case "ACKNOWLEDGED" ->
          say(
                  "%s已确认督办（银行 %s）".formatted(office, bank),
                  "%s acknowledged the supervision case of bank %s".formatted(office, bank))
              + note(details);
      case "CLOSED" ->
          say(office + "销号：", office + " closed the supervision case (销号): ")
              + word(details.get("reason"))
              + note(details);
      case "PUSHED" ->
          ("NEXT_TIER".equals(details.get("reason"))
                  ? say(
                      "%s推送至上一级银行 %s（人工推送）".formatted(office, target),
                      "%s pushed the demand to the next tier, %s (manual push)"
                          .formatted(office, target))
                  : say(
                      "%s推送至 %s（人工推送）".formatted(office, target),
                      "%s pushed the demand to %s (manual push)".formatted(office, target)))
              + note(details);
      case "REOPENED" ->
          say(office + "重新开放需求，重新匹配", office + " re-opened the demand; matching tries again")
              + note(details);
      default -> office + " " + details.get("action");
    };
  }

  /** The policy instruments offered with a push, and the rate after subsidy. */
  private String instruments(Map<String, Object> details) {
    if (!(details.get("instruments") instanceof List<?> names) || names.isEmpty()) {
      return "";
    }
    String listed = names.stream().map(String::valueOf).collect(Collectors.joining("、"));
    return say(
        "；可用政策工具：%s，实际年利率约 %s%%".formatted(listed, details.get("effectiveAnnualRate")),
        "; policy instruments offered: %s, about %s%% a year net of subsidy"
            .formatted(listed.replace("、", ", "), details.get("effectiveAnnualRate")));
  }

  private String say(String chinese, String english) {
    return language.pick(chinese, english);
  }

  private String word(Object code) {
    String[] words = WORDS.get(String.valueOf(code));
    return words == null ? String.valueOf(code) : say(words[0], words[1]);
  }

  private String colour(Object code) {
    return word("RED".equals(code) ? "RED_NOTICE" : code);
  }

  private String cause(Object code) {
    return word("DECLINED".equals(code) ? "RELEASED_DECLINED" : code);
  }

  private String note(Map<String, Object> details) {
    Object note = details.get("note");
    return note == null ? "" : say("（" + note + "）", " (" + note + ")");
  }

  /**
   * "抵押物不足 1 家，超时未答复 1 家": how many matches ended each way, in the order the first of each ended.
   */
  private String endings(Object tried) {
    Map<String, Integer> counted = new LinkedHashMap<>();
    if (tried instanceof List<?> matches) {
      for (Object match : matches) {
        if (match instanceof Map<?, ?> ended) {
          Object reason = ended.get("declineReason");
          counted.merge(word(reason != null ? reason : ended.get("cause")), 1, Integer::sum);
        }
      }
    }
    return counted.entrySet().stream()
        .map(ending -> ending.getKey() + say(" %d 家", " %d").formatted(ending.getValue()))
        .collect(Collectors.joining(say("，", ", ")));
  }

  private String amountOf(TimelineEntry entry) {
    return entry.amount() == null
        ? say("金额未注明", "an amount not stated")
        : entry.amount().toPlainString() + say(" 元", " CNY");
  }
}
