package io.huoshui.notification.notice;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Renders notifications from the templates in {@code
 * notifications/templates_<language>.properties}.
 *
 * <p>A template names the facts of the notification's data: {@code {bankName}}. A fact whose value
 * has a translation {@code <fact>.<value>} (an enumeration: {@code colour.RED}) is shown
 * translated; a list is shown as its elements rendered with {@code item.<fact>} and joined. Texts
 * are rendered when read, so a corrected template or a new language applies to every stored
 * notification.
 */
@Component
public class Texts {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  private final Map<Language, Properties> templates = new EnumMap<>(Language.class);

  Texts() {
    for (Language language : Language.values()) {
      templates.put(language, load(language));
    }
  }

  public RenderedNotification render(Notification notification, Language language) {
    Properties texts = templates.get(language);
    String key = notification.kind().name() + "." + notification.audience().type().name();
    String variant = variant(notification);
    return new RenderedNotification(
        notification.id(),
        notification.seq(),
        notification.kind(),
        notification.audience().type(),
        notification.audience().id(),
        notification.subject(),
        language.tag(),
        fill(texts, template(texts, key, variant, ".title"), notification.data()),
        fill(texts, template(texts, key, variant, ".body"), notification.data()),
        notification.data(),
        notification.createdAt(),
        notification.readAt());
  }

  private static String variant(Notification notification) {
    String fact = notification.kind().variedBy();
    JsonNode value = fact == null ? null : notification.data().get(fact);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String template(Properties texts, String key, String variant, String part) {
    String varied = variant == null ? null : texts.getProperty(key + "." + variant + part);
    return varied != null ? varied : template(texts, key + part);
  }

  private static String template(Properties texts, String key) {
    String template = texts.getProperty(key);
    if (template == null) {
      throw new IllegalStateException("no template " + key);
    }
    return template;
  }

  private static String fill(Properties texts, String template, JsonNode facts) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      placeholder.appendReplacement(
          text, Matcher.quoteReplacement(show(texts, name, facts.get(name))));
    }
    placeholder.appendTail(text);
    return text.toString().strip();
  }

  private static String show(Properties texts, String name, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isArray()) {
      String item = template(texts, "item." + name);
      List<String> shown = new ArrayList<>();
      value.forEach(element -> shown.add(fill(texts, item, element)));
      return String.join(texts.getProperty("list.separator", ", "), shown);
    }
    String plain = value.asString();
    return texts.getProperty(name + "." + plain, plain);
  }

  private static Properties load(Language language) {
    String path =
        "notifications/templates_"
            + language.name().toLowerCase(java.util.Locale.ROOT)
            + ".properties";
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return properties;
  }
}
