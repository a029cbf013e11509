package io.huoshui.identity;

import io.huoshui.calendar.InvalidCalendarYearException;
import io.huoshui.identity.client.BankKafkaAccess;
import io.huoshui.identity.client.ClientConflictException;
import io.huoshui.identity.client.ClientRejectedException;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.context.request.ServletWebRequest;
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
  ProblemDetail rejected(ClientRejectedException rejected, HttpServletRequest request) {
    return refused(
        rejected instanceof ClientConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
        List.of(new Refusal(rejected.field(), rejected.chinese(), rejected.english())),
        request);
  }

  @ExceptionHandler(InvalidCalendarYearException.class)
  ProblemDetail invalidYear(InvalidCalendarYearException invalid, HttpServletRequest request) {
    return refused(HttpStatus.BAD_REQUEST, List.of(CalendarRefusals.of(invalid.field())), request);
  }

  @ExceptionHandler(BankKafkaAccess.KafkaAccessException.class)
  ProblemDetail kafkaUnavailable(
      BankKafkaAccess.KafkaAccessException unavailable, HttpServletRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            Languages.in(
                request,
                "未能为该银行设置 Kafka 访问权限，未做任何更改；请稍后重试。",
                "The bank's Kafka access could not be set up, so nothing was changed; retry"
                    + " shortly."));
    problem.setTitle(Languages.in(request, "Kafka 暂不可用", "Kafka unavailable"));
    return problem;
  }

  /** A body that is not JSON, or JSON that does not mean what the API says, names its field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException unreadable,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        refused(
            HttpStatus.BAD_REQUEST, List.of(refusalOf(jsonCause(unreadable))), servlet(request));
    return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException invalid,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Refusal> refusals =
        invalid.getBindingResult().getFieldErrors().stream()
            .map(error -> constraintOf(error.getField(), error.getCode()))
            .toList();
    ProblemDetail problem = refused(HttpStatus.BAD_REQUEST, refusals, servlet(request));
    return handleExceptionInternal(invalid, problem, headers, status, request);
  }

  /** The validator's own messages follow the machine's language: the constraint is worded here. */
  private static Refusal constraintOf(String field, String constraint) {
    return switch (String.valueOf(constraint)) {
      case "NotBlank", "NotNull" -> new Refusal(field, "必须填写", "is required");
      case "Size" -> new Refusal(field, "长度超出允许的范围", "is longer than allowed");
      case "Pattern" ->
          new Refusal(field, "含不允许的字符或格式不符", "holds a character or a form that is not allowed");
      default -> new Refusal(field, "值无效", "is not valid");
    };
  }

  /** One problem naming each field at fault; the detail is the first refusal's words. */
  private static ProblemDetail refused(
      HttpStatus status, List<Refusal> refusals, HttpServletRequest request) {
    List<Map<String, String>> errors =
        refusals.stream()
            .map(
                refusal ->
                    Map.of(
                        "field",
                        refusal.field(),
                        "message",
                        Languages.in(request, refusal.chinese(), refusal.english())))
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status,
            errors.isEmpty()
                ? Languages.in(request, "请求无效", "Invalid request")
                : errors.get(0).get("message"));
    problem.setTitle(
        status == HttpStatus.CONFLICT
            ? Languages.in(request, "与现有状态冲突", "Conflict")
            : Languages.in(request, "请求无效", "Invalid request"));
    problem.setProperty("errors", errors);
    return problem;
  }

  /**
   * The MVC layer's own refusals (404, 405, 406, 413, 415, a missing parameter) in the request's
   * language; their detail names no class. A problem this class words itself is left as it is.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception exception,
      Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
      HttpServletRequest servlet = servlet(request);
      switch (status.value()) {
        case 400 ->
            word(
                problem,
                servlet,
                "请求无效",
                "Invalid request",
                "请求的参数缺失或格式错误",
                "a parameter of the request is missing or malformed");
        case 404 ->
            word(problem, servlet, "没有这个资源", "Not found", "没有这个资源", "there is no such resource");
        case 405 ->
            word(
                problem,
                servlet,
                "不支持该请求方法",
                "Method not allowed",
                "此地址不支持该请求方法",
                "this address does not support the request's method");
        case 406 ->
            word(
                problem,
                servlet,
                "无法提供所要求的格式",
                "Not acceptable",
                "此地址只能以 JSON 应答",
                "this address answers in JSON only");
        case 413 ->
            word(
                problem,
                servlet,
                "请求体过大",
                "Content too large",
                "请求体超过允许的大小",
                "the body is larger than allowed");
        case 415 ->
            word(
                problem,
                servlet,
                "不支持该内容类型",
                "Unsupported media type",
                "请求体须是 JSON (application/json)",
                "the body must be JSON (application/json)");
        default -> {}
      }
    }
    return super.handleExceptionInternal(exception, body, headers, status, request);
  }

  private static void word(
      ProblemDetail problem,
      HttpServletRequest request,
      String chineseTitle,
      String englishTitle,
      String chineseDetail,
      String englishDetail) {
    problem.setTitle(Languages.in(request, chineseTitle, englishTitle));
    problem.setDetail(Languages.in(request, chineseDetail, englishDetail));
  }

  private static HttpServletRequest servlet(WebRequest request) {
    return ((ServletWebRequest) request).getRequest();
  }

  record Refusal(String field, String chinese, String english) {}

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
      Refusal rule = CalendarRefusals.of(year.field());
      return new Refusal(at + rule.field(), rule.chinese(), rule.english());
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new Refusal(path(unknown), "未知字段，本接口不接受", "unknown field: not part of this API");
    }
    if (cause instanceof InvalidFormatException invalid) {
      TypeName expected = TypeName.of(invalid.getTargetType());
      return new Refusal(
          path(invalid),
          "值的格式不符，应为%s".formatted(expected.chinese()),
          "wrong value, expected %s".formatted(expected.english()));
    }
    if (cause instanceof MismatchedInputException mismatched) {
      TypeName expected = TypeName.of(mismatched.getTargetType());
      return new Refusal(
          path(mismatched),
          "类型不符，应为%s，不做类型转换".formatted(expected.chinese()),
          "wrong type, expected %s: nothing is coerced".formatted(expected.english()));
    }
    if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
      return new Refusal(path(invalid), "值无效", "invalid value");
    }
    if (cause instanceof JacksonException json) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
      if (duplicate.find()) {
        String key = duplicate.group(1);
        String at = parserPath(json);
        return new Refusal(
            at.endsWith(key) ? at : at.isEmpty() ? key : at + "." + key,
            "字段重复出现",
            "duplicate field: each key appears once");
      }
      String at = parserPath(json);
      if (!at.isEmpty()) {
        // A number too large for its field, say: the parser stopped at the member it was reading.
        return new Refusal(at, "值无效", "invalid value");
      }
    }
    return new Refusal("body", "请求体不是有效的 JSON", "the body is not valid JSON");
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

  /** What a value of the type is called in a refusal, in Chinese and in English. */
  private record TypeName(String chinese, String english) {

    static TypeName of(Class<?> type) {
      if (type == null) {
        return new TypeName(" JSON", "JSON");
      }
      if (type.isEnum()) {
        String values = List.of(type.getEnumConstants()).toString();
        return new TypeName("以下之一：" + values, "one of " + values);
      }
      if (CharSequence.class.isAssignableFrom(type)) {
        return new TypeName("字符串", "a string");
      }
      if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
        return new TypeName("数组", "an array");
      }
      return new TypeName(" " + type.getSimpleName(), type.getSimpleName());
    }
  }
}
