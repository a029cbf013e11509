package io.huoshui.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.support.WebExchangeBindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConstraintWordingTest {

  record Demand(
      @NotNull @Size(min = 1, max = 5) String title,
      @DecimalMin(value = "0.01") BigDecimal amountRequested,
      @Pattern(regexp = "\\d{11}", message = "{huoshui.contact.phone}") String phone,
      @Pattern(regexp = "[A-Z]+", message = "must be capitals") String code) {}

  private final JsonMapper json = JsonMapper.builder().build();
  private final ProblemExceptionHandler handler = new ProblemExceptionHandler(new Problems(json));

  @SuppressWarnings("unused")
  void submit(Demand demand) {}

  @Test
  void theStandardConstraintsAreWordedInChineseByDefault() throws Exception {
    Map<String, String> errors = refusals(null);

    assertThat(errors)
        .containsEntry("title", "长度必须在 1 到 5 之间")
        .containsEntry("amountRequested", "不得小于 0.01");
  }

  @Test
  void andInEnglishWhenTheRequestAsksForIt() throws Exception {
    Map<String, String> errors = refusals("en");

    assertThat(errors)
        .containsEntry("title", "size must be between 1 and 5")
        .containsEntry("amountRequested", "must be at least 0.01");
  }

  @Test
  void aServicesOwnConstraintIsWordedFromItsBundlesByItsKey() throws Exception {
    assertThat(refusals(null)).containsEntry("phone", "必须是手机号码");
    assertThat(refusals("en")).containsEntry("phone", "must be a mobile number");
  }

  @Test
  void aMessageTheServiceWroteOutIsKept() throws Exception {
    assertThat(refusals(null)).containsEntry("code", "must be capitals");
  }

  private Map<String, String> refusals(String language) throws Exception {
    Demand demand = new Demand("太长的项目名称", new BigDecimal("0.00"), "12", "abc");
    BeanPropertyBindingResult result = new BeanPropertyBindingResult(demand, "demand");
    try (var factory = Validation.buildDefaultValidatorFactory()) {
      new SpringValidatorAdapter(factory.getValidator()).validate(demand, result);
    }
    MethodParameter parameter =
        new MethodParameter(getClass().getDeclaredMethod("submit", Demand.class), 0);
    MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post("/api/v1/projects");
    if (language != null) {
      request.header("Accept-Language", language);
    }
    MockServerWebExchange exchange = MockServerWebExchange.from(request);

    handler.handle(exchange, new WebExchangeBindException(parameter, result)).block();

    JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block());
    Map<String, String> errors = new TreeMap<>();
    problem
        .get("errors")
        .forEach(
            error -> errors.put(error.get("field").asString(), error.get("message").asString()));
    return errors;
  }
}
