package io.huoshui.service.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An answer that refuses a request for a reason the client can act on, rendered as RFC 9457
 * problem+json by the shared error handler.
 *
 * @see #code() a stable, machine-readable name of the rule that refused the request
 */
public class ApiProblem extends ResponseStatusException {

  /**
   * One offending input: a JSON path such as {@code enterprise.creditCode}, or a parameter name.
   */
  public record FieldError(String field, String message) {}

  /** A refusal of the platform's own, told in the language the request asks for. */
  record Reason(String field, Refusal refusal, String argument) {

    FieldError in(Locale locale) {
      return new FieldError(field, refusal.in(locale, argument));
    }
  }

  private static final String INVALID = "The request has invalid fields; see errors.";

  private final String code;
  private final List<FieldError> errors;
  private final List<Reason> reasons;

  private ApiProblem(HttpStatus status, String code, String detail, List<FieldError> errors) {
    this(status, code, detail, errors, List.of());
  }

  private ApiProblem(
      HttpStatus status,
      String code,
      String detail,
      List<FieldError> errors,
      List<Reason> reasons) {
    super(status, detail);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.reasons = List.copyOf(reasons);
  }

  static ApiProblem refused(List<Reason> reasons) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, null, INVALID, List.of(), reasons);
  }

  /** 404: also what another tenant's object answers, so that its existence does not leak. */
  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, null, detail, List.of());
  }

  /** 409: the request is valid but the object's state does not allow it now. */
  public static ApiProblem conflict(String code, String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, code, detail, List.of());
  }

  /** 422: the request is well-formed but breaks a rule of the domain. */
  public static ApiProblem unprocessable(String code, String detail) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, detail, List.of());
  }

  /** 400 naming the input that is wrong. */
  public static ApiProblem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ApiProblem invalid(List<FieldError> errors) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, null, INVALID, errors);
  }

  /** 403: this tenant may never do this, whatever the object. */
  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, null, detail, List.of());
  }

  public String code() {
    return code;
  }

  /** The offending inputs, the platform's own refusals in Chinese. */
  public List<FieldError> errors() {
    return errors(Locale.CHINESE);
  }

  List<FieldError> errors(Locale locale) {
    if (reasons.isEmpty()) {
      return errors;
    }
    return reasons.stream().map(reason -> reason.in(locale)).toList();
  }

  /** The detail as the request's language has it: the platform's own words are Chinese first. */
  String detail(Locale locale) {
    if (!INVALID.equals(getReason()) || Refusal.wantsEnglish(locale)) {
      return getReason();
    }
    return "请求中有无效的字段，见 errors。";
  }

  /** The members this problem adds to the standard ones. */
  Map<String, Object> extensions(Locale locale) {
    List<FieldError> errors = errors(locale);
    if (code != null && !errors.isEmpty()) {
      return Map.of("code", code, "errors", errors);
    }
    if (code != null) {
      return Map.of("code", code);
    }
    return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
  }
}
