package io.huoshui.credit.product;

/** The product events of docs/events.md. */
final class ProductEvents {

  static final String TOPIC = "huoshui.products";
  static final String PUBLISHED = "ProductPublished";
  static final String UPDATED = "ProductUpdated";
  static final String RETIRED = "ProductRetired";

  private ProductEvents() {}
}
