package io.huoshui.project.matchmaking;

import io.huoshui.vocabulary.Language;
import java.util.List;
import java.util.Map;

/** The reconciliation's headings and the words for its codes, in Chinese and in English. */
final class MatchmakingWords {

  private MatchmakingWords() {}

  private static final Map<String, String[]> STATUSES =
      Map.of(
          FollowUp.FOLLOWED, new String[] {"已按期授信", "approved in time"},
          FollowUp.LATE, new String[] {"逾期后授信", "approved after the due day"},
          FollowUp.PENDING, new String[] {"待授信", "awaiting approval"},
          FollowUp.UNFOLLOWED, new String[] {"签约未落地", "not followed by an approval"},
          Reconciliation.Line.NOT_SIGNED, new String[] {"未签约即授信", "lent without an intention"});

  private static final Map<String, String[]> COLOURS =
      Map.of("YELLOW", new String[] {"黄", "YELLOW"}, "RED", new String[] {"红", "RED"});

  static String status(String status, Language language) {
    String[] words = STATUSES.get(status);
    return words == null ? status : language.pick(words[0], words[1]);
  }

  static String colour(String colour, Language language) {
    String[] words = colour == null ? null : COLOURS.get(colour);
    return words == null ? "" : language.pick(words[0], words[1]);
  }

  static List<String> sumColumns(String group, Language language) {
    return language == Language.EN
        ? List.of(group, "signed_cny", "approved_cny", "disbursed_cny", "intentions", "unfollowed")
        : List.of(group, "签约金额（元）", "授信金额（元）", "放款金额（元）", "意向数", "签约未落地数");
  }

  static List<String> lineColumns(Language language) {
    return language == Language.EN
        ? List.of(
            "bank",
            "project_id",
            "county",
            "title",
            "signed_cny",
            "approved_cny",
            "disbursed_cny",
            "signed_at",
            "first_approval_at",
            "due_on",
            "status",
            "colour")
        : List.of(
            "银行", "需求编号", "县区", "项目名称", "签约金额（元）", "授信金额（元）", "放款金额（元）", "签约时间", "首次授信时间", "授信期限",
            "状态", "督办颜色");
  }
}
