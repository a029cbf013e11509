package io.huoshui.service.web;

import io.huoshui.service.web.ApiProblem.Violation;
import jakarta.validation.ConstraintViolation;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.ObjectError;

/**
 * Bean validation's standard constraints worded in Chinese and in English from the constraint and
 * its attributes: the validator words its message once, in the language of the machine, not of the
 * request. A service words a constraint of its own as a message key, {@code "{huoshui.region}"},
 * with the English text in its {@code ValidationMessages.properties} and the Chinese in {@code
 * ValidationMessages_zh.properties}, Java's own bundles for bean validation; a message written out
 * is kept as it is.
 */
final class ConstraintWording {

  private static final String STANDARD = "{jakarta.validation.constraints.";
  private static final Pattern KEY = Pattern.compile("\\{([^{}]+)}");
  private static final String BUNDLE = "ValidationMessages";

  private ConstraintWording() {}

  static Violation of(String field, ObjectError error) {
    String written = error.getDefaultMessage();
    if (!error.contains(ConstraintViolation.class)) {
      return new Violation(field, written, written);
    }
    return of(field, error.unwrap(ConstraintViolation.class));
  }

  static Violation of(String field, ConstraintViolation<?> violation) {
    String written = violation.getMessage();
    String template = violation.getMessageTemplate();
    if (!template.startsWith(STANDARD)) {
      Matcher key = KEY.matcher(template);
      return key.matches()
          ? new Violation(
              field,
              worded(key.group(1), Locale.CHINESE, written),
              worded(key.group(1), Locale.ROOT, written))
          : new Violation(field, written, written);
    }
    Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
    Object value = attributes.get("value");
    boolean inclusive = !Boolean.FALSE.equals(attributes.get("inclusive"));
    String constraint =
        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return switch (constraint) {
      case "NotNull" -> new Violation(field, "必须填写", "must not be null");
      case "NotBlank" -> new Violation(field, "必须填写，且不能只有空白", "must not be blank");
      case "NotEmpty" -> new Violation(field, "不能为空", "must not be empty");
      case "Size" ->
          new Violation(
              field,
              "长度必须在 %s 到 %s 之间".formatted(attributes.get("min"), attributes.get("max")),
              "size must be between %s and %s"
                  .formatted(attributes.get("min"), attributes.get("max")));
      case "Min" ->
          new Violation(field, "不得小于 %s".formatted(value), "must be at least %s".formatted(value));
      case "Max" ->
          new Violation(field, "不得大于 %s".formatted(value), "must be at most %s".formatted(value));
      case "DecimalMin" ->
          inclusive
              ? new Violation(
                  field, "不得小于 %s".formatted(value), "must be at least %s".formatted(value))
              : new Violation(
                  field, "必须大于 %s".formatted(value), "must be greater than %s".formatted(value));
      case "DecimalMax" ->
          inclusive
              ? new Violation(
                  field, "不得大于 %s".formatted(value), "must be at most %s".formatted(value))
              : new Violation(
                  field, "必须小于 %s".formatted(value), "must be less than %s".formatted(value));
      case "Positive" -> new Violation(field, "必须大于 0", "must be greater than 0");
      case "PositiveOrZero" -> new Violation(field, "不得小于 0", "must be 0 or more");
      case "Digits" ->
          new Violation(
              field,
              "整数部分最多 %s 位，小数部分最多 %s 位"
                  .formatted(attributes.get("integer"), attributes.get("fraction")),
              "must have at most %s integer and %s fraction digits"
                  .formatted(attributes.get("integer"), attributes.get("fraction")));
      case "Pattern" -> new Violation(field, "格式不正确", "does not have the form required");
      default -> new Violation(field, written, written);
    };
  }

  private static String worded(String key, Locale locale, String otherwise) {
    try {
      return ResourceBundle.getBundle(
              BUNDLE,
              locale,
              ConstraintWording.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
          .getString(key);
    } catch (MissingResourceException missing) {
      return otherwise;
    }
  }
}
