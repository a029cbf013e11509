package io.huoshui.service.idempotency;

import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a create request safe to retry: the {@code Idempotency-Key} a client sends is remembered
 * per tenant with the first answer, in the transaction that created the object. A retry with the
 * same key and body gets that answer again and creates nothing; the same key with another body is
 * refused, because it cannot be the same request.
 */
public final class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";

  /** Set on an answer that is a replay of the first one. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final JsonMapper json;
  private final Clock clock;

  public IdempotentRequests(
      DatabaseClient database, TransactionalOperator transaction, JsonMapper json, Clock clock) {
    this.database = database;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Runs the action once per key. The action's own transaction joins the one this opens, so the
   * object and the record of its answer commit together.
   */
  public <T> Mono<ResponseEntity<Object>> create(
      ServerWebExchange exchange,
      Tenant tenant,
      Object request,
      Supplier<Mono<ResponseEntity<T>>> action) {
    String key = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (key == null) {
      return action.get().map(IdempotentRequests::widen);
    }
    if (!KEY.matcher(key).matches()) {
      return Mono.error(
          ApiProblem.invalid(
              HEADER,
              "必须是 1 到 255 个可见 ASCII 字符，如一个 UUID",
              "must be 1 to 255 visible ASCII characters, e.g. a UUID"));
    }
    String route =
        exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
    String fingerprint = fingerprint(route, request);
    return find(tenant, key)
        .map(stored -> replay(stored, fingerprint))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    action
                        .get()
                        .flatMap(answer -> remember(tenant, key, route, fingerprint, answer))
                        .as(transaction::transactional)))
        .onErrorResume(
            DataIntegrityViolationException.class,
            concurrent ->
                find(tenant, key)
                    .map(stored -> replay(stored, fingerprint))
                    .switchIfEmpty(Mono.error(concurrent)));
  }

  private String fingerprint(String route, Object request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(route.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(json.writeValueAsBytes(request));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private Mono<StoredAnswer> find(Tenant tenant, String key) {
    return database
        .sql(
            """
            SELECT fingerprint, status, location, body FROM idempotent_request
            WHERE tenant_type = :type AND tenant_id = :id AND request_key = :key
            """)
        .bind("type", tenant.type().name())
        .bind("id", tenant.id())
        .bind("key", key)
        .map(
            row ->
                new StoredAnswer(
                    row.get("fingerprint", String.class),
                    row.get("status", Integer.class),
                    row.get("location", String.class),
                    row.get("body", String.class)))
        .one();
  }

  private <T> Mono<ResponseEntity<Object>> remember(
      Tenant tenant, String key, String route, String fingerprint, ResponseEntity<T> answer) {
    URI location = answer.getHeaders().getLocation();
    String body = answer.getBody() == null ? null : json.writeValueAsString(answer.getBody());
    return database
        .sql(
            """
            INSERT INTO idempotent_request
              (tenant_type, tenant_id, request_key, route, fingerprint, status, location, body,
               created_at)
            VALUES (:type, :id, :key, :route, :fingerprint, :status, :location, :body, :at)
            """)
        .bind("type", tenant.type().name())
        .bind("id", tenant.id())
        .bind("key", key)
        .bind("route", route)
        .bind("fingerprint", fingerprint)
        .bind("status", answer.getStatusCode().value())
        .bind("location", location == null ? "" : location.toString())
        .bind("body", body == null ? "" : body)
        .bind("at", clock.instant())
        .then()
        .thenReturn(widen(answer));
  }

  private static <T> ResponseEntity<Object> widen(ResponseEntity<T> answer) {
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .body(answer.getBody());
  }

  private ResponseEntity<Object> replay(StoredAnswer stored, String requestFingerprint) {
    if (!stored.fingerprint().equals(requestFingerprint)) {
      throw ApiProblem.unprocessable(
          "IDEMPOTENCY_KEY_REUSED",
          "该 Idempotency-Key 已用于另一个请求；新的请求请使用新的键。",
          "This Idempotency-Key was used for a different request; use a new key for a new"
              + " request.");
    }
    HttpHeaders headers = new HttpHeaders();
    if (!stored.location().isEmpty()) {
      headers.setLocation(URI.create(stored.location()));
    }
    headers.set(REPLAYED_HEADER, "true");
    return ResponseEntity.status(HttpStatus.valueOf(stored.status()))
        .headers(headers)
        .body(stored.body().isEmpty() ? null : json.readTree(stored.body()));
  }

  private record StoredAnswer(String fingerprint, int status, String location, String body) {}
}
