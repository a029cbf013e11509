package io.huoshui.notification.notice;

import io.huoshui.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is public: a portal reads it before it has a client. */
class ApiDocumentTest extends NotificationServiceTest {

  @Test
  void theOpenApiDocumentIsServedWithoutAToken() {
    http.get()
        .uri("/openapi/notification-service.yaml")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            document ->
                org.assertj.core.api.Assertions.assertThat(document)
                    .startsWith("openapi: 3.1.0")
                    .contains("/api/v1/notifications/stream"));
  }
}
