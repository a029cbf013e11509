package io.huoshui.credit.catalog;

import io.huoshui.vocabulary.ProductCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payload of {@code io.huoshui.credit.CatalogDigest.v1} (docs/events.md). */
record CatalogDigest(String county, Instant from, Instant to, List<Entry> products) {

  record Entry(
      UUID productId,
      String bankCode,
      String bankName,
      String name,
      ProductCategory category,
      String change) {}
}
