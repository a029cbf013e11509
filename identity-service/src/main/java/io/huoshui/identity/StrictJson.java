package io.huoshui.identity;

import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * A request body means exactly what it says, or is refused (400 naming the field, see {@link
 * ApiProblems}): a field the API does not know ({@code "enabled": false} on a registration) is not
 * dropped silently, a key given twice does not let the last one win, a number is not taken for a
 * string nor a string for a number, an enum is named exactly, never by its ordinal, and a date is
 * one a person could have written on a notice, from {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 9999;

  @Bean
  JsonMapperBuilderCustomizer strictJsonMapper() {
    return builder ->
        builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .addModule(
                new SimpleModule("strict-values")
                    .addDeserializer(LocalDate.class, new BoundedDates())
                    .addDeserializer(String.class, new StringsOnly()))
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Enum,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
  }

  /** ISO dates as the JSON library reads them, refused outside the years of a person's notice. */
  private static final class BoundedDates extends ValueDeserializer<LocalDate> {

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
      LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
      if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
        return (LocalDate)
            context.handleWeirdStringValue(
                LocalDate.class,
                parser.getString(),
                "a date from %d to %d".formatted(FIRST_YEAR, LAST_YEAR));
      }
      return date;
    }
  }

  /**
   * A string is a JSON string, never an array of one: the library's own reading of {@code [["x"]]}
   * for a list of strings takes the inner array for its element and loses its place in the
   * document, so that the refusal named no field.
   */
  private static final class StringsOnly extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        return parser.getString();
      }
      return (String) context.handleUnexpectedToken(String.class, parser);
    }
  }
}
