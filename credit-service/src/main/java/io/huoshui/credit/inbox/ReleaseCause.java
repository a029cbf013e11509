package io.huoshui.credit.inbox;

import io.huoshui.service.web.ApiProblem;
import java.util.Arrays;

/**
 * Why the matching service let a match go, in the words a bank is told when it answers the match
 * after, in Chinese and in English.
 */
enum ReleaseCause {
  DECLINED("该银行已拒绝此匹配", "the bank declined it"),
  RED("该匹配超过答复期限未获答复，已收回", "it went unanswered past its deadline"),
  WITHDRAWN("县区已撤回该需求", "the county withdrew the demand"),
  SUPERSEDED("该需求已变更，此产品不再适配", "the demand changed and the product no longer fits it"),
  FINANCED("该需求已由其他银行足额融资", "the demand was financed in full by other banks"),
  CLOSED("县区已关闭该需求", "the county closed the demand"),
  REPLACED("银团牵头行已将此份额交给其他银行", "the syndicate's lead bank gave this share to another bank");

  private static final String CODE = "MATCH_RELEASED";

  private final String chinese;
  private final String english;

  ReleaseCause(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  /**
   * The refusal of an answer to a match released for the cause; a cause matching-service has added
   * since is told as a release without its reason.
   */
  static ApiProblem refusal(String cause) {
    return Arrays.stream(values())
        .filter(known -> known.name().equals(cause))
        .findFirst()
        .map(
            known ->
                ApiProblem.conflict(
                    CODE,
                    "%s，此匹配不再受理答复。".formatted(known.chinese),
                    "The match was released: %s; it takes no more answers."
                        .formatted(known.english)))
        .orElse(
            ApiProblem.conflict(
                CODE, "此匹配已被收回，不再受理答复。", "The match was released and takes no more answers."));
  }
}
