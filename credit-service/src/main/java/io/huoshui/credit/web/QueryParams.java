package io.huoshui.credit.web;

import io.huoshui.credit.values.DivisionCodes;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.QueryParameters;

/**
 * The filter of this service's lists that the platform's {@link QueryParameters} does not read: a
 * division code of a province, city or county.
 */
public final class QueryParams {

  private QueryParams() {}

  public static String region(String name, String value) {
    if (value != null && !DivisionCodes.isRegion(QueryParameters.text(name, value))) {
      throw ApiProblem.invalid(
          name,
          "必须是省、市或县的行政区划代码（2、4 或 6 位数字）",
          "must be a province, city or county division code (2, 4 or 6 digits)");
    }
    return value;
  }
}
