package io.huoshui.credit.product;

import io.huoshui.vocabulary.ProductCategory;
import java.util.List;
import java.util.UUID;

/**
 * How a product changed in the catalog within a period, for the digest to the counties.
 *
 * @param change NEW, UPDATED or RETIRED
 * @param regions the regions the product serves
 */
public record CatalogChange(
    UUID productId,
    String bankCode,
    String bankName,
    String name,
    ProductCategory category,
    String change,
    List<String> regions) {}
