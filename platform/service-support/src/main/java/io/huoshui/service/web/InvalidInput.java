package io.huoshui.service.web;

import io.huoshui.service.web.ApiProblem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
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

  private InvalidInput() {}

  static List<FieldError> errorsOf(ServerWebInputException input) {
    if (input instanceof WebExchangeBindException binding) {
      List<FieldError> errors = new ArrayList<>();
      binding
          .getFieldErrors()
          .forEach(
              error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
      binding
          .getGlobalErrors()
          .forEach(
              error ->
                  errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
      return errors;
    }
    JacksonException json = jsonCause(input);
    if (json != null) {
      return List.of(new FieldError(path(json), messageOf(json)));
    }
    MethodParameter parameter = input.getMethodParameter();
    if (parameter != null && parameter.getParameterName() != null) {
      return List.of(new FieldError(parameter.getParameterName(), "is missing or malformed"));
    }
    return List.of(new FieldError("body", "is missing or is not a JSON document of this request"));
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
    if (path.isEmpty()) {
      return "body";
    }
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String messageOf(JacksonException json) {
    if (json instanceof UnrecognizedPropertyException) {
      return "is not a field of this request";
    }
    if (json instanceof InvalidFormatException format
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return "must be one of "
          + Arrays.stream(format.getTargetType().getEnumConstants())
              .map(constant -> ((Enum<?>) constant).name())
              .collect(Collectors.joining(", "));
    }
    if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be " + kindOf(mismatch.getTargetType());
    }
    if (json instanceof StreamReadException) {
      return "is not well-formed JSON";
    }
    return "cannot be read as this field";
  }

  private static String kindOf(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.getPackageName().startsWith("java.time")) {
      return "an ISO-8601 date or time";
    }
    return "an object";
  }
}
