package io.huoshui.service.web;

import io.huoshui.vocabulary.Language;
import java.util.Locale;

/**
 * Why an input was refused, in words a portal can show its user: Chinese first, English when the
 * request asks for it ({@code Accept-Language: en}). Never the parser's own message, which names
 * internal classes.
 */
enum Refusal {
  UNKNOWN_FIELD("不是此请求的字段", "is not a field of this request"),
  DUPLICATE_FIELD("重复出现", "appears more than once"),
  MALFORMED("不是格式正确的 JSON", "is not well-formed JSON"),
  MISSING_BODY("缺失，或不是此请求的 JSON 文档", "is missing or is not a JSON document of this request"),
  MALFORMED_PARAMETER("缺失或格式错误", "is missing or malformed"),
  NOT_A_STRING("必须是字符串", "must be a string"),
  NOT_AN_INTEGER("必须是整数", "must be a whole number"),
  NOT_A_NUMBER("必须是数字", "must be a number"),
  NOT_A_BOOLEAN("必须是 true 或 false", "must be true or false"),
  NOT_AN_ARRAY("必须是数组", "must be an array"),
  NOT_AN_OBJECT("必须是对象", "must be an object"),
  NOT_A_TIME("必须是 ISO-8601 日期或时间", "must be an ISO-8601 date or time"),
  OUT_OF_RANGE("超出允许的范围", "is out of the range allowed"),
  NOT_ONE_OF("必须是以下之一：%s", "must be one of %s"),
  CONTROL_CHARACTER("不得包含控制字符或 NUL", "must not contain control characters or NUL"),
  LONE_SURROGATE(
      "包含无效的 Unicode 字符（孤立代理项）", "contains an invalid Unicode character (a lone surrogate)"),
  NOT_MONEY(
      "必须是十进制数字符串，如 \"1000.00\"（无正负号、指数或空格）",
      "must be a decimal string such as \"1000.00\" (no sign, exponent or spaces)"),
  NOT_A_DATE("必须是 yyyy-MM-dd 格式的日期", "must be a date as yyyy-MM-dd"),
  DATE_OUT_OF_RANGE(
      "必须在 " + StrictJson.FIRST_YEAR + " 年至 " + StrictJson.LAST_YEAR + " 年之间",
      "must be within the years " + StrictJson.FIRST_YEAR + " to " + StrictJson.LAST_YEAR);

  private final String chinese;
  private final String english;

  Refusal(String chinese, String english) {
    this.chinese = chinese;
    this.english = english;
  }

  String in(Locale locale, Object... arguments) {
    String text = wantsEnglish(locale) ? english : chinese;
    return arguments.length == 0 ? text : text.formatted(arguments);
  }

  static boolean wantsEnglish(Locale locale) {
    return Language.of(locale) == Language.EN;
  }
}
