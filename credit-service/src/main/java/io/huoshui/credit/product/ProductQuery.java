package io.huoshui.credit.product;

import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;

/**
 * Filters of a catalog read; each null filter is left out.
 *
 * @param region a division code: products serving it, a region around it or a region inside it
 * @param amount an amount the product's range must include
 */
public record ProductQuery(
    String region,
    Industry industry,
    ProductCategory category,
    BigDecimal amount,
    Tag tag,
    String bankCode,
    ProductStatus status) {

  /** Everything offered today to a region: what the catalog for it lists. */
  public static ProductQuery activeIn(String region) {
    return new ProductQuery(region, null, null, null, null, null, ProductStatus.ACTIVE);
  }
}
