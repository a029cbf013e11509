package io.huoshui.identity;

import io.huoshui.calendar.InvalidCalendarYearException;

/**
 * The rule a refused calendar year broke, in Chinese and in English, by the member at fault: the
 * platform's {@link InvalidCalendarYearException} names that member but words its case in one
 * message only, so each member's rule is stated here whole (a make-up working day is a weekend day
 * of the year, listed once, not a holiday), whichever part of it was broken.
 */
final class CalendarRefusals {

  private CalendarRefusals() {}

  static ApiProblems.Refusal of(String field) {
    int dot = field.lastIndexOf('.');
    String member = field.substring(dot + 1).replaceAll("\\[\\d+]$", "[]");
    return switch (member) {
      case "year" ->
          refusal(
              field,
              "须是 2000 至 2999 之间、与路径一致的年份",
              "must be a year from 2000 to 2999, the one in the path");
      case "source" -> refusal(field, "须写明来源", "is required: the notice the year comes from");
      case "holidays" -> refusal(field, "须列出假日", "must list the year's holidays");
      case "holidays[]" ->
          refusal(
              field, "须是假日，且其日子未被其他假日列出", "must be a holiday whose days no other holiday lists");
      case "makeUpWorkingDays" ->
          refusal(field, "须列出调休上班日", "must list the year's make-up working days");
      case "makeUpWorkingDays[]" ->
          refusal(
              field,
              "须是该年内的周末日期，只列一次，且不是假日",
              "must be a weekend day of the year, listed once and not a holiday");
      case "first" -> refusal(field, "须是该年内的日期", "must be a date within the year");
      case "last" ->
          refusal(
              field,
              "须是该年内、不早于假日首日的日期",
              "must be a date within the year, not before the holiday's first day");
      case "published" -> refusal(field, "须是日期", "must be a date");
      case "url" ->
          refusal(
              field,
              "须是不含账号口令、不超过 2000 个字符的 https 地址",
              "must be an https URL of at most 2000 characters, without credentials");
      case "name", "title", "number" ->
          refusal(
              field,
              "须填写，且不能含控制字符或孤立的代理项",
              "is required, without control characters or lone surrogates");
      default -> refusal(field, "值无效", "is not valid");
    };
  }

  private static ApiProblems.Refusal refusal(String field, String chinese, String english) {
    return new ApiProblems.Refusal(field, chinese, english);
  }
}
