package io.huoshui.project.report;

import io.huoshui.vocabulary.Language;
import java.util.List;
import java.util.Map;

/** The pack's headings and the words for its codes, in Chinese and in English. */
final class ReportWords {

  private ReportWords() {}

  private static final Map<String, String[]> CLOSINGS =
      Map.of(
          "BANK_ANSWERED", new String[] {"银行已答复", "the bank answered"},
          "MATCH_RELEASED", new String[] {"匹配已结束", "the match ended"},
          "BANK_ANSWERED_OFFLINE",
              new String[] {"金融办销号：银行已线下答复", "closed by the office: the bank answered offline"},
          "SETTLED", new String[] {"金融办销号：已协调解决", "closed by the office: settled"},
          "NOT_APPLICABLE", new String[] {"金融办销号：无需督办", "closed by the office: not applicable"});

  /** How a supervision notice was closed, as the review says it. */
  static String closing(String reason, Language language) {
    String[] words = CLOSINGS.get(reason);
    return words == null ? reason : language.pick(words[0], words[1]);
  }

  static List<String> funnelColumns(Language language) {
    return language == Language.EN
        ? List.of(
            "group",
            "submitted",
            "pushed",
            "no_match",
            "exhausted",
            "with_intent",
            "approved",
            "disbursed",
            "withdrawn",
            "requested_cny",
            "intended_cny",
            "approved_cny",
            "disbursed_cny")
        : List.of(
            "分组", "提交", "已推送", "无匹配", "已穷尽", "有意向", "已授信", "已放款", "已撤回", "申请金额（元）", "意向金额（元）",
            "授信金额（元）", "放款金额（元）");
  }

  static List<String> bankColumns(Language language) {
    return language == Language.EN
        ? List.of(
            "bank",
            "pushed",
            "answered",
            "answer_rate",
            "interested",
            "declined",
            "approved",
            "approval_rate",
            "intended_cny",
            "approved_cny",
            "disbursed_cny",
            "median_hours_to_first_answer",
            "mean_hours_to_first_answer",
            "syndicate_lead_approved_cny",
            "syndicate_participant_approved_cny")
        : List.of(
            "银行",
            "推送",
            "已答复",
            "答复率",
            "有意向",
            "已拒绝",
            "已授信",
            "授信率",
            "意向金额（元）",
            "授信金额（元）",
            "放款金额（元）",
            "首次答复用时中位数（小时）",
            "首次答复用时平均数（小时）",
            "银团牵头授信金额（元）",
            "银团参贷授信金额（元）");
  }

  static List<String> stuckColumns(Language language) {
    return language == Language.EN
        ? List.of(
            "project_id",
            "county",
            "title",
            "status",
            "requested_cny",
            "submitted_at",
            "last_step",
            "last_step_at",
            "days_since_last_step",
            "why")
        : List.of("需求编号", "县区", "项目名称", "状态", "申请金额（元）", "提交时间", "最近一步", "最近一步时间", "距最近一步天数", "原因");
  }

  static List<String> eventColumns(Language language) {
    return language == Language.EN
        ? List.of(
            "event",
            "date",
            "region",
            "signed_cny",
            "approved_cny",
            "disbursed_cny",
            "intentions",
            "unfollowed")
        : List.of("对接会", "日期", "地区", "签约金额（元）", "授信金额（元）", "放款金额（元）", "意向数", "签约未落地数");
  }

  private static final Map<String, String[]> INSTRUMENT_KINDS =
      Map.of(
          "INTEREST_SUBSIDY", new String[] {"贴息", "interest subsidy"},
          "GUARANTEE", new String[] {"政府性融资担保", "government financing guarantee"},
          "RISK_COMPENSATION", new String[] {"风险补偿资金池", "risk compensation pool"});

  /** A policy instrument's kind as the review says it; its code when the pack does not know it. */
  static String instrumentKind(String kind, Language language) {
    String[] words = kind == null ? null : INSTRUMENT_KINDS.get(kind);
    return words == null ? kind : language.pick(words[0], words[1]);
  }

  /** The columns of an instrument's use, after those naming its county or bank. */
  static List<String> instrumentColumns(Language language) {
    return language == Language.EN
        ? List.of(
            "kind",
            "instrument",
            "issuer",
            "instrument_id",
            "approvals",
            "approved_cny",
            "drawn_cny")
        : List.of("种类", "政策工具", "出资地区", "工具编号", "授信笔数", "授信金额（元）", "支用金额（元）");
  }

  static List<String> instrumentKindColumns(Language language) {
    return language == Language.EN
        ? List.of("kind", "approvals", "approved_cny", "drawn_cny")
        : List.of("种类", "授信笔数", "授信金额（元）", "支用金额（元）");
  }
}
