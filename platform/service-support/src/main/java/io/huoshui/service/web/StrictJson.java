package io.huoshui.service.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: exactly as the API documents them, or not at all. Jackson's defaults
 * are lenient in ways that let a careless or hostile client store what the API does not allow — a
 * title of {@code 12345}, {@code "36"} for a term, {@code 1.5} truncated to 1, an industry by
 * ordinal or with a trailing space, the last of two {@code amount} keys, money as {@code "1E+3"} —
 * and in ways that fail later, in the database, with a 500: a NUL in a text, a date or a date-time
 * in the year 999999999. Each of these is refused here with a 400 naming the field.
 *
 * <p>Only the API's decoder uses these rules: events keep their tolerant reader.
 */
public final class StrictJson {

  /** The years a date may fall in: what every store and every bank's system can hold. */
  static final int FIRST_YEAR = 1900;

  static final int LAST_YEAR = 9999;

  /**
   * Money and rates on the wire: a plain unsigned decimal, as every API document's patterns say
   * ({@code ^[0-9]{1,13}(\.[0-9]{1,2})?$} and narrower). Each field's own precision is checked by
   * its bean validation; this bounds what any of them reads.
   */
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,6})?");

  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private StrictJson() {}

  /** The API's mapper, made strict. */
  public static JsonMapper strict(JsonMapper api) {
    SimpleModule rules = new SimpleModule("huoshui-strict-json");
    rules.addDeserializer(String.class, new Text(false));
    rules.addDeserializer(BigDecimal.class, new Decimal());
    rules.addDeserializer(LocalDate.class, new Day());
    rules.setDeserializerModifier(new ExactNamesAndTimes());
    return api.rebuild()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(LogicalType.Integer, StrictJson::onlyItsOwnShape)
        .withCoercionConfig(LogicalType.Float, StrictJson::onlyItsOwnShape)
        .withCoercionConfig(LogicalType.Boolean, StrictJson::onlyItsOwnShape)
        .withCoercionConfig(LogicalType.Enum, StrictJson::onlyItsOwnShape)
        .withCoercionConfig(LogicalType.Textual, StrictJson::onlyItsOwnShape)
        .addModule(rules)
        .build();
  }

  private static void onlyItsOwnShape(tools.jackson.databind.cfg.MutableCoercionConfig config) {
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.Integer,
          CoercionInputShape.Float,
          CoercionInputShape.Boolean,
          CoercionInputShape.String,
          CoercionInputShape.EmptyString
        }) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  /**
   * Why a text may not be stored, or null: NUL and the other control characters (line feed,
   * carriage return and tab only in prose), and surrogates that do not form a pair — which no UTF-8
   * encoder can write, so PostgreSQL and every reader downstream would fail on them.
   */
  static Refusal wrongIn(String text, boolean prose) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Refusal.LONE_SURROGATE;
      }
      if (Character.isLowSurrogate(c)) {
        return Refusal.LONE_SURROGATE;
      }
      if (Character.isISOControl(c) && !(prose && (c == '\n' || c == '\r' || c == '\t'))) {
        return Refusal.CONTROL_CHARACTER;
      }
    }
    return null;
  }

  /** Money or a rate, from its documented wire form only; null when it is not one. */
  static BigDecimal decimalOrNull(String text) {
    return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  private static final Instant EARLIEST =
      LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private static final Instant AFTER_LATEST =
      LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  /**
   * Whether a value is a moment outside the years a date may fall in, read in UTC: instants and
   * date-times are held to the same years as dates. Compared as instants, which hold every year
   * Jackson parses, so that no conversion overflows.
   */
  static boolean beyondYears(Object value) {
    if (value instanceof Instant instant) {
      return instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST);
    }
    if (value instanceof OffsetDateTime dateTime) {
      return beyondYears(dateTime.toInstant());
    }
    return value instanceof LocalDateTime dateTime && !withinYears(dateTime.getYear());
  }

  static boolean withinYears(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /** A date-time with its offset ({@code 2026-11-01T08:00:00+08:00}); the refusal when not one. */
  static Object dateTimeOrRefusal(String text) {
    try {
      OffsetDateTime dateTime = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return beyondYears(dateTime) ? Refusal.DATE_OUT_OF_RANGE : dateTime;
    } catch (DateTimeParseException e) {
      return Refusal.NOT_A_TIME;
    }
  }

  /** A date within the years allowed; the refusal when it is not one. */
  static Object dayOrRefusal(String text) {
    try {
      LocalDate day = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
      if (!DAY.matcher(text).matches() || !withinYears(day.getYear())) {
        return Refusal.DATE_OUT_OF_RANGE;
      }
      return day;
    } catch (DateTimeParseException e) {
      return Refusal.NOT_A_DATE;
    }
  }

  /** A refusal Jackson carries up to the request, collecting the path to the field on its way. */
  static final class Refused extends MismatchedInputException {

    private final Refusal refusal;
    private final String argument;

    Refused(JsonParser parser, Refusal refusal, Class<?> target, String argument) {
      super(parser, refusal.in(java.util.Locale.ENGLISH, argument), target);
      this.refusal = refusal;
      this.argument = argument;
    }

    Refusal refusal() {
      return refusal;
    }

    String argument() {
      return argument;
    }
  }

  private static final class Text extends StdScalarDeserializer<String> {

    private final boolean prose;

    Text(boolean prose) {
      super(String.class);
      this.prose = prose;
    }

    @Override
    public ValueDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      boolean marked = property != null && property.getAnnotation(Prose.class) != null;
      return marked == prose ? this : new Text(marked);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        throw new Refused(parser, Refusal.NOT_A_STRING, String.class, "");
      }
      String text = parser.getString();
      Refusal wrong = wrongIn(text, prose);
      if (wrong != null) {
        throw new Refused(parser, wrong, String.class, "");
      }
      return text;
    }
  }

  private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

    Decimal() {
      super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
      BigDecimal value =
          parser.hasToken(JsonToken.VALUE_STRING) ? decimalOrNull(parser.getString()) : null;
      if (value == null) {
        throw new Refused(parser, Refusal.NOT_MONEY, BigDecimal.class, "");
      }
      return value;
    }
  }

  private static final class Day extends StdScalarDeserializer<LocalDate> {

    Day() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        throw new Refused(parser, Refusal.NOT_A_DATE, LocalDate.class, "");
      }
      Object day = dayOrRefusal(parser.getString());
      if (day instanceof Refusal refusal) {
        throw new Refused(parser, refusal, LocalDate.class, "");
      }
      return (LocalDate) day;
    }
  }

  /**
   * An enum only by its exact name: no ordinal, no padding, no other case. An instant or a
   * date-time only as an ISO-8601 string (not epoch numbers) within the years dates allow.
   */
  private static final class ExactNamesAndTimes extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyEnumDeserializer(
        DeserializationConfig config,
        JavaType type,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      return new ExactName(deserializer, type.getRawClass());
    }

    @Override
    public ValueDeserializer<?> modifyDeserializer(
        DeserializationConfig config,
        BeanDescription.Supplier description,
        ValueDeserializer<?> deserializer) {
      Class<?> type = description.getBeanClass();
      return MOMENTS.contains(type) ? new Moment(deserializer, type) : deserializer;
    }
  }

  private static final Set<Class<?>> MOMENTS =
      Set.of(Instant.class, OffsetDateTime.class, LocalDateTime.class);

  private static final class Moment extends DelegatingDeserializer {

    private final Class<?> type;

    Moment(ValueDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new Moment(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        throw new Refused(parser, Refusal.NOT_A_TIME, type, "");
      }
      Object moment = super.deserialize(parser, context);
      if (beyondYears(moment)) {
        throw new Refused(parser, Refusal.DATE_OUT_OF_RANGE, type, "");
      }
      return moment;
    }
  }

  private static final class ExactName extends DelegatingDeserializer {

    private final Class<?> type;

    ExactName(ValueDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new ExactName(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.hasToken(JsonToken.VALUE_STRING) || !isName(parser.getString())) {
        throw new Refused(parser, Refusal.NOT_ONE_OF, type, names(type));
      }
      return super.deserialize(parser, context);
    }

    /** What the wrapped deserializer would otherwise read as an ordinal or trim. */
    private static boolean isName(String text) {
      return !text.isEmpty()
          && text.equals(text.strip())
          && !text.chars().allMatch(Character::isDigit);
    }
  }

  static String names(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> ((Enum<?>) constant).name())
        .collect(Collectors.joining(", "));
  }
}
