package io.huoshui.identity;

import io.huoshui.calendar.InvalidCalendarYearException;
import io.huoshui.identity.client.BankKafkaAccess;
import io.huoshui.identity.client.ClientRejectedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error as RFC 9457 problem+json, naming the field at fault, Chinese first: those of the
 * MVC layer too (405, 406, 415 and a body that {@link StrictJson} refuses).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate .*?\"([^\"]{1,200})\"");

  @ExceptionHandler(ClientRejectedException.class)
  ProblemDetail rejected(ClientRejectedException rejected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, rejected.getMessage());
    problem.setTitle("请求无效 (Invalid client request)");
    problem.setProperty(
        "errors", List.of(Map.of("field", rejected.field(), "message", rejected.getMessage())));
    return problem;
  }

  @ExceptionHandler(InvalidCalendarYearException.class)
  ProblemDetail invalidYear(InvalidCalendarYearException invalid) {
    return refused(new Refusal(invalid.field(), invalid.getMessage()));
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

  /** A body that is not JSON, or JSON that does not mean what the API says, names its field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException unreadable,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = refused(refusalOf(jsonCause(unreadable)));
    return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static ProblemDetail refused(Refusal refusal) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refusal.message());
    problem.setTitle("请求无效 (Invalid client request)");
    problem.setProperty(
        "errors", List.of(Map.of("field", refusal.field(), "message", refusal.message())));
    return problem;
  }

  /** The MVC layer's own refusals get a title in Chinese first; their detail names no class. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception exception,
      Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
      String chinese =
          switch (status.value()) {
            case 400 -> "请求无效";
            case 404 -> "没有这个资源";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所要求的格式";
            case 413 -> "请求体过大";
            case 415 -> "不支持该内容类型";
            default -> null;
          };
      if (chinese != null && !problem.getTitle().startsWith(chinese)) {
        problem.setTitle(chinese + " (" + problem.getTitle() + ")");
      }
    }
    return super.handleExceptionInternal(exception, body, headers, status, request);
  }

  private record Refusal(String field, String message) {}

  /** The JSON library's own account of the failure, outermost, for it carries the path. */
  private static Throwable jsonCause(Throwable unreadable) {
    for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException) {
        return cause;
      }
    }
    return unreadable;
  }

  private static Refusal refusalOf(Throwable cause) {
    if (cause instanceof DatabindException invalid
        && invalid.getCause() instanceof InvalidCalendarYearException year) {
      // The year's own rule, at the member it names within the object that refused it.
      String at = invalid.getPath().isEmpty() ? "" : path(invalid) + ".";
      return new Refusal(at + year.field(), year.getMessage());
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new Refusal(path(unknown), "未知字段，本接口不接受 (unknown field: not part of this API)");
    }
    if (cause instanceof InvalidFormatException invalid) {
      return new Refusal(
          path(invalid),
          "值的格式不符，应为 %s (wrong value, expected %s)"
              .formatted(typeName(invalid.getTargetType()), typeName(invalid.getTargetType())));
    }
    if (cause instanceof MismatchedInputException mismatched) {
      return new Refusal(
          path(mismatched),
          "类型不符，应为 %s，不做类型转换 (wrong type, expected %s: nothing is coerced)"
              .formatted(
                  typeName(mismatched.getTargetType()), typeName(mismatched.getTargetType())));
    }
    if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
      return new Refusal(path(invalid), "值无效 (invalid value)");
    }
    if (cause instanceof JacksonException json) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
      if (duplicate.find()) {
        String key = duplicate.group(1);
        String at = parserPath(json);
        return new Refusal(
            at.endsWith(key) ? at : at.isEmpty() ? key : at + "." + key,
            "字段重复出现 (duplicate field: each key appears once)");
      }
      String at = parserPath(json);
      if (!at.isEmpty()) {
        // A number too large for its field, say: the parser stopped at the member it was reading.
        return new Refusal(at, "值无效 (invalid value)");
      }
    }
    return new Refusal("body", "请求体不是有效的 JSON (the body is not valid JSON)");
  }

  /** The path databind recorded or, when it recorded none, where the parser stopped. */
  private static String path(JacksonException failure) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : failure.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    if (path.isEmpty()) {
      path.append(parserPath(failure));
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** The member the parser was reading when it failed, from the root: {@code holidays[0].name}. */
  private static String parserPath(JacksonException failure) {
    if (!(failure.processor() instanceof JsonParser parser)) {
      return "";
    }
    Deque<String> steps = new ArrayDeque<>();
    for (TokenStreamContext context = parser.streamReadContext();
        context != null;
        context = context.getParent()) {
      if (context.inObject() && context.currentName() != null) {
        steps.push("." + context.currentName());
      } else if (context.inArray() && context.hasCurrentIndex()) {
        steps.push("[" + context.getCurrentIndex() + "]");
      }
    }
    String path = String.join("", steps);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "JSON";
    }
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return type.getSimpleName();
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException invalid,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = invalid.getBody();
    problem.setTitle("请求无效 (Invalid client request)");
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
