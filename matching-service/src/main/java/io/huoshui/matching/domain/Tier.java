package io.huoshui.matching.domain;

import java.util.Optional;

/**
 * Which level of a product's regions covers a demand's county. Division codes are hierarchical (14
 * Shanxi, 1404 Changzhi, 140428 Zhangzi), so a region covers every code it is a prefix of; the
 * level is read off the length of the most local covering code.
 */
public enum Tier {
  COUNTY,
  CITY,
  PROVINCE;

  private static final int CITY_CODE_LENGTH = 4;

  /** 县级, 市级 or 省级. */
  public String chinese() {
    return switch (this) {
      case COUNTY -> "县级";
      case CITY -> "市级";
      case PROVINCE -> "省级";
    };
  }

  private static final int COUNTY_CODE_LENGTH = 6;

  /** The most local tier at which one of the product's regions covers the county, if any. */
  public static Optional<Tier> covering(Product product, String county) {
    int longest = -1;
    for (String region : product.regions()) {
      if (county.startsWith(region) && region.length() > longest) {
        longest = region.length();
      }
    }
    return longest < 0 ? Optional.empty() : Optional.of(ofRegionCode(longest));
  }

  static Tier ofRegionCode(int length) {
    if (length >= COUNTY_CODE_LENGTH) {
      return COUNTY;
    }
    return length >= CITY_CODE_LENGTH ? CITY : PROVINCE;
  }
}
