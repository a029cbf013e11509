package io.huoshui.service.web;

import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;

/**
 * An answer that refuses a request for a reason the client can act on, rendered as RFC 9457
 * problem+json by the shared error handler, in Chinese unless the request asks for English ({@code
 * Accept-Language: en}). A service words each refusal in both languages; the handler picks.
 *
 * @see #code() a stable, machine-readable name of the rule that refused the request
 */
public class ApiProblem extends ResponseStatusException {

  /** One offending input as rendered: a JSON path such as {@code enterprise.creditCode}. */
  public record FieldError(String field, String message) {}

  /** One offending input with why, in Chinese and in English. */
  public record Violation(String field, String chinese, String english) {

    FieldError in(Locale locale) {
      return new FieldError(field, Refusal.wantsEnglish(locale) ? english : chinese);
    }
  }

  /** A refusal of the platform's own, worded by {@link Refusal}. */
  record Reason(String field, Refusal refusal, String argument) {

    Violation violation() {
      return new Violation(
          field, refusal.in(Locale.CHINESE, argument), refusal.in(Locale.ENGLISH, argument));
    }
  }

  private static final String INVALID_ZH = "请求中有无效的字段，见 errors。";
  private static final String INVALID_EN = "The request has invalid fields; see errors.";

  private final String code;
  private final String chinese;
  private final String english;
  private final List<Violation> violations;

  private ApiProblem(
      HttpStatus status, String code, String chinese, String english, List<Violation> violations) {
    super(status, english);
    this.code = code;
    this.chinese = chinese;
    this.english = english;
    this.violations = List.copyOf(violations);
  }

  private ApiProblem(HttpStatus status, String code, String chinese, String english) {
    this(status, code, chinese, english, List.of());
  }

  static ApiProblem refused(List<Reason> reasons) {
    return invalid(reasons.stream().map(Reason::violation).toList());
  }

  /** 404: also what another tenant's object answers, so that its existence does not leak. */
  public static ApiProblem notFound(String chinese, String english) {
    return new ApiProblem(HttpStatus.NOT_FOUND, null, chinese, english);
  }

  /** 409: the request is valid but the object's state does not allow it now. */
  public static ApiProblem conflict(String code, String chinese, String english) {
    return new ApiProblem(HttpStatus.CONFLICT, code, chinese, english);
  }

  /**
   * 409 naming the inputs the object's state still lacks: the request is valid, but it is allowed
   * only once they are given (a disbursement on a pledge before its registration number).
   */
  public static ApiProblem conflict(
      String code, String chinese, String english, List<Violation> lacking) {
    return new ApiProblem(HttpStatus.CONFLICT, code, chinese, english, lacking);
  }

  /** 412: the object changed since the version the request names (If-Match). */
  public static ApiProblem preconditionFailed(String chinese, String english) {
    return new ApiProblem(HttpStatus.PRECONDITION_FAILED, null, chinese, english);
  }

  /** 428: a change must name the version it is made against (If-Match). */
  public static ApiProblem preconditionRequired(String chinese, String english) {
    return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, null, chinese, english);
  }

  /** 422: the request is well-formed but breaks a rule of the domain. */
  public static ApiProblem unprocessable(String code, String chinese, String english) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, chinese, english);
  }

  /** 400 naming the input that is wrong. */
  public static ApiProblem invalid(String field, String chinese, String english) {
    return invalid(List.of(new Violation(field, chinese, english)));
  }

  /** 400 naming every input that is wrong, so that a portal shows them all at once. */
  public static ApiProblem invalid(List<Violation> violations) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, null, INVALID_ZH, INVALID_EN, violations);
  }

  /**
   * Why the strict reader refused a JSON document, named by its path and worded as a request body's
   * refusal is: for documents a service reads itself, such as the rows of an imported file.
   */
  public static Violation violationOf(JacksonException refused) {
    return InvalidInput.reasonOf(refused).violation();
  }

  /**
   * A bean-validation refusal of a document a service validates itself, named by its property path
   * and worded in both languages as a request body's refusal is.
   */
  public static Violation violationOf(ConstraintViolation<?> refused) {
    return ConstraintWording.of(refused.getPropertyPath().toString(), refused);
  }

  /** 403: this tenant may never do this, whatever the object. */
  public static ApiProblem forbidden(String chinese, String english) {
    return new ApiProblem(HttpStatus.FORBIDDEN, null, chinese, english);
  }

  public String code() {
    return code;
  }

  /** The offending inputs, in Chinese. */
  public List<FieldError> errors() {
    return errors(Locale.CHINESE);
  }

  /** The offending inputs as the request's language has them. */
  public List<FieldError> errors(Locale locale) {
    return violations.stream().map(violation -> violation.in(locale)).toList();
  }

  /** The detail as the request's language has it. */
  public String detail(Locale locale) {
    return Refusal.wantsEnglish(locale) ? english : chinese;
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
