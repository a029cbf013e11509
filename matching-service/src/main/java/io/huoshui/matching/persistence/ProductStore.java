package io.huoshui.matching.persistence;

import io.huoshui.matching.domain.Product;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code product} table: the latest version of every product. */
@Repository
public class ProductStore {

  private final DatabaseClient database;
  private final JsonMapper json;

  ProductStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Keeps the product unless a version at least as new is held. */
  public Mono<Void> save(Product product, Instant receivedAt) {
    return database
        .sql(
            """
            INSERT INTO product (product_id, bank_code, version, active, data, received_at)
            VALUES (:id, :bank, :version, :active, CAST(:data AS jsonb), :receivedAt)
            ON CONFLICT (product_id) DO UPDATE SET bank_code = excluded.bank_code,
              version = excluded.version, active = excluded.active, data = excluded.data,
              received_at = excluded.received_at
            WHERE product.version < excluded.version
            """)
        .bind("receivedAt", receivedAt)
        .bind("id", product.productId())
        .bind("bank", product.bankCode())
        .bind("version", product.version())
        .bind("active", product.active())
        .bind("data", json.writeValueAsString(product))
        .then();
  }

  /** The active products whose latest version was received after the instant. */
  public Flux<Product> activeReceivedSince(Instant since) {
    return database
        .sql("SELECT data::text AS data FROM product WHERE active AND received_at > :since")
        .bind("since", since)
        .map((row, meta) -> json.readValue(row.get("data", String.class), Product.class))
        .all();
  }

  /** The latest version held of a product, retired or not. */
  public Mono<Product> find(UUID productId) {
    return database
        .sql("SELECT data::text AS data FROM product WHERE product_id = :id")
        .bind("id", productId)
        .map((row, meta) -> json.readValue(row.get("data", String.class), Product.class))
        .one();
  }

  public Flux<Product> active() {
    return database
        .sql("SELECT data::text AS data FROM product WHERE active")
        .map((row, meta) -> json.readValue(row.get("data", String.class), Product.class))
        .all();
  }
}
