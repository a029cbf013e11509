package io.huoshui.credit.web;

import io.huoshui.credit.values.DivisionCodes;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.QueryParameters;
import java.util.regex.Pattern;

/**
 * The filters of this service's lists that the platform's {@link QueryParameters} does not read: a
 * division code, and the page of a list, whose numbers the framework would read leniently ({@code "
 * 1"}, {@code "+1"}, {@code "-0"} and {@code "0x10"} are numbers to it).
 */
public final class QueryParams {

  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

  private QueryParams() {}

  public static String region(String name, String value) {
    if (value != null && !DivisionCodes.isRegion(QueryParameters.text(name, value))) {
      throw ApiProblem.invalid(
          name,
          "必须是省、市或县的行政区划代码（2、4 或 6 位数字）；"
              + "must be a province, city or county division code (2, 4 or 6 digits)");
    }
    return value;
  }

  /**
   * The page asked for by the raw {@code page} and {@code size} parameters; 400 naming a bad one.
   */
  public static PageRequest page(String page, String size) {
    return PageRequest.of(whole("page", page), whole("size", size));
  }

  private static Integer whole(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!WHOLE.matcher(value).matches()) {
      throw ApiProblem.invalid(
          name, "必须是不带正负号、空格或小数的整数；must be a whole number without sign, spaces or fraction");
    }
    return Integer.valueOf(value);
  }
}
