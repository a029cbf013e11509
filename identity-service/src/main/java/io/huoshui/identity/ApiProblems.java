package io.huoshui.identity;

import io.huoshui.identity.client.BankKafkaAccess;
import io.huoshui.identity.client.ClientRejectedException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as RFC 9457 problem+json, naming the field at fault. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ClientRejectedException.class)
  ProblemDetail rejected(ClientRejectedException rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
    problem.setTitle("Invalid client request");
    problem.setProperty(
        "errors", List.of(Map.of("field", rejected.field(), "message", rejected.getMessage())));
    return problem;
  }

  @ExceptionHandler(BankKafkaAccess.KafkaAccessException.class)
  ProblemDetail kafkaUnavailable(BankKafkaAccess.KafkaAccessException unavailable) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The bank's Kafka access could not be set up, so nothing was changed; retry shortly.");
    problem.setTitle("Kafka unavailable");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException invalid,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = invalid.getBody();
    problem.setTitle("Invalid client request");
    problem.setProperty(
        "errors",
        invalid.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
            .toList());
    return handleExceptionInternal(invalid, problem, headers, status, request);
  }
}
