package io.huoshui.service.web;

import io.huoshui.service.web.ApiProblem.Reason;
import io.huoshui.service.web.ApiProblem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the offending fields of a request the framework refused before a controller ran: bean
 * validation, JSON that does not fit the request type, bad query parameters. The messages are our
 * own, because Jackson's name internal classes.
 */
final class InvalidInput {

  /** The parser's words for a repeated key; the key itself is the one thing taken from them. */
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

  private InvalidInput() {}

  static ApiProblem problemOf(ServerWebInputException input) {
    if (input instanceof WebExchangeBindException binding) {
      List<Violation> errors = new ArrayList<>();
      binding
          .getFieldErrors()
          .forEach(error -> errors.add(ConstraintWording.of(error.getField(), error)));
      binding
          .getGlobalErrors()
          .forEach(error -> errors.add(ConstraintWording.of(error.getObjectName(), error)));
      return ApiProblem.invalid(errors);
    }
    JacksonException json = jsonCause(input);
    if (json != null) {
      return ApiProblem.refused(List.of(reasonOf(json)));
    }
    MethodParameter parameter = input.getMethodParameter();
    if (parameter != null && parameter.getParameterName() != null) {
      return ApiProblem.refused(
          List.of(new Reason(parameter.getParameterName(), Refusal.MALFORMED_PARAMETER, "")));
    }
    return ApiProblem.refused(List.of(new Reason("body", Refusal.MISSING_BODY, "")));
  }

  private static JacksonException jsonCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException json) {
        return json;
      }
    }
    return null;
  }

  private static String path(JacksonException json) {
    String path =
        json.getPath().stream()
            .map(
                reference ->
                    reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String within(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  static Reason reasonOf(JacksonException json) {
    String path = path(json);
    String field = path.isEmpty() ? "body" : path;
    if (json instanceof StrictJson.Refused refused) {
      return new Reason(field, refused.refusal(), refused.argument());
    }
    if (json instanceof UnrecognizedPropertyException) {
      return new Reason(field, Refusal.UNKNOWN_FIELD, "");
    }
    if (json instanceof InvalidFormatException format
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return new Reason(field, Refusal.NOT_ONE_OF, StrictJson.names(format.getTargetType()));
    }
    if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new Reason(field, kindOf(mismatch.getTargetType()), "");
    }
    if (json instanceof InputCoercionException || json instanceof StreamConstraintsException) {
      return new Reason(field, Refusal.OUT_OF_RANGE, "");
    }
    if (json instanceof StreamReadException) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
      if (duplicate.find()) {
        return new Reason(within(path, duplicate.group(1)), Refusal.DUPLICATE_FIELD, "");
      }
      return new Reason(field, Refusal.MALFORMED, "");
    }
    return new Reason(field, Refusal.MALFORMED_PARAMETER, "");
  }

  private static Refusal kindOf(Class<?> type) {
    if (type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == int.class
        || type == long.class
        || type == short.class
        || type == java.math.BigInteger.class) {
      return Refusal.NOT_AN_INTEGER;
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return Refusal.NOT_A_NUMBER;
    }
    if (type == String.class || type.isEnum()) {
      return Refusal.NOT_A_STRING;
    }
    if (type == Boolean.class || type == boolean.class) {
      return Refusal.NOT_A_BOOLEAN;
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return Refusal.NOT_AN_ARRAY;
    }
    if (type.getPackageName().startsWith("java.time")) {
      return Refusal.NOT_A_TIME;
    }
    return Refusal.NOT_AN_OBJECT;
  }
}
