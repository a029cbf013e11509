package io.huoshui.servicetest.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests generated from one valid example, the way a careless or hostile integrator
 * writes them: every field given the wrong JSON type, numbers and strings swapped, fractions for
 * whole numbers, enums by ordinal or padded, keys repeated, fields unknown, NUL, control characters
 * and lone surrogates in text, money in every form the API does not document, dates no store holds,
 * numbers too large for anything. Each case names the field its refusal must name.
 *
 * <pre>{@code
 * static Stream<HostileCase> malformed() {
 *   return HostileCorpus.forBody(VALID_DEMAND, Set.of("description"));
 * }
 *
 * @ParameterizedTest @MethodSource("malformed")
 * void isRefused(HostileCase hostile) { ... expect 400 problem+json naming hostile.field() ... }
 * }</pre>
 *
 * <p>What a field is, is read from its value in the example: {@code "1000.00"} is money, {@code
 * "2026-12-01"} a date, {@code "AGRICULTURE"} an enum's name. Give the example realistic values and
 * every field is covered.
 */
public final class HostileCorpus {

  /** What a JSON document must be replaced by at the field: raw JSON text, not a value. */
  private static final String MARK = "@@hostile@@";

  private static final Pattern MONEY = Pattern.compile("[0-9]+\\.[0-9]{1,3}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+[^\\s]*");

  /** ASCII words joined without spaces, {@code projects:read}, {@code zh-CN}: a code, not prose. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]*([-:_.][A-Za-z0-9]+)+");

  /** Longer than any HTTP server in the network takes as a request target. */
  static final int OVER_LONG_TARGET = 10_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HostileCorpus() {}

  /** Refused bodies; no field is prose, so line breaks and tabs are refused in every text. */
  public static Stream<HostileCase> forBody(String validJson) {
    return forBody(validJson, Set.of());
  }

  /**
   * Refused bodies.
   *
   * @param proseFields the paths of the text fields where a line break and a tab are allowed
   */
  public static Stream<HostileCase> forBody(String validJson, Set<String> proseFields) {
    JsonNode example = JSON.readTree(validJson);
    List<HostileCase> cases = new ArrayList<>();
    cases.add(
        new HostileCase("body: not JSON", validJson.substring(0, validJson.length() / 2), "body"));
    cases.add(new HostileCase("body: trailing tokens", validJson + " {}", "body"));
    walk(example, new ArrayList<>(), example, cases, proseFields);
    return cases.stream();
  }

  /**
   * Valid bodies whose text fields carry hostile but allowed text, one field and text at a time.
   */
  public static Stream<HostileText> roundTrips(String validJson) {
    JsonNode example = JSON.readTree(validJson);
    List<HostileText> cases = new ArrayList<>();
    texts(example, new ArrayList<>(), example, cases);
    return cases.stream();
  }

  /**
   * Refused queries: each filter of {@code validParameters} in turn malformed, the others as given.
   * Like bodies, a value's kind is read from the example value.
   */
  public static Stream<HostileQuery> forQuery(Map<String, String> validParameters) {
    List<HostileQuery> cases = new ArrayList<>();
    validParameters.forEach(
        (name, value) -> {
          Map<String, String> hostile = new LinkedHashMap<>();
          hostile.put("NUL", value + "\u0000");
          hostile.put("a control character", value + "\u0007");
          hostile.put("a line break", value + "\r\nX-Injected: 1");
          if (DATE.matcher(value).matches()) {
            hostile.put("a far date", "+999999999-12-31");
            hostile.put("a date before 1900", "1899-12-31");
            hostile.put("no such day", value.substring(0, 5) + "02-30");
          } else if (MONEY.matcher(value).matches() || value.matches("[0-9]+")) {
            hostile.put("a huge exponent", "1e200000");
            hostile.put("an exponent", "1E+3");
            hostile.put("a sign", "-" + value);
            hostile.put("padding", " " + value);
            hostile.put("letters", "abc");
          } else if (value.equals("true") || value.equals("false")) {
            hostile.put("a flag as a number", "1");
            hostile.put("a flag in upper case", value.toUpperCase(java.util.Locale.ROOT));
            hostile.put("a flag as a word", "yes");
            hostile.put("a padded flag", " " + value);
          } else if (ENUM_NAME.matcher(value).matches()) {
            hostile.put("padding", value + " ");
            hostile.put("an ordinal", "0");
            hostile.put("lower case", value.toLowerCase(java.util.Locale.ROOT));
          }
          hostile.forEach(
              (what, bad) -> {
                Map<String, String> parameters = new LinkedHashMap<>(validParameters);
                parameters.put(name, bad);
                cases.add(new HostileQuery(name + ": " + what, parameters, name));
              });
        });
    return cases.stream();
  }

  /**
   * Refused targets around a valid path ({@code /api/v1/projects/{id}}): encoded and raw slashes
   * and backslashes, traversal in the forms servers and proxies disagree on, NUL, CR/LF, a target
   * over every server's limit (414), and TRACE (405).
   */
  public static Stream<HostilePath> forPath(String validPath) {
    int cut = validPath.lastIndexOf('/');
    String parent = validPath.substring(0, cut);
    String last = validPath.substring(cut + 1);
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("an encoded slash", parent + "%2F" + last);
    targets.put("an encoded backslash", parent + "%5C" + last);
    targets.put("a backslash", parent + "\\" + last);
    targets.put("a dot-dot-semicolon", parent + "/..;/" + last);
    targets.put("an encoded dot-dot", parent + "/%2e%2e/" + last);
    targets.put("a doubly encoded dot-dot", parent + "/%252e%252e/" + last);
    targets.put("a dot-dot past the root", "/../../../etc/passwd");
    targets.put("an encoded NUL", validPath + "%00");
    targets.put("an encoded NUL before a suffix", validPath + "%00.json");
    targets.put("an encoded line break", validPath + "%0d%0aX-Injected:%201");
    List<HostilePath> cases = new ArrayList<>();
    targets.forEach((what, target) -> cases.add(new HostilePath(what, "GET", target, 0)));
    cases.add(
        new HostilePath(
            "an over-long target", "GET", validPath + "/" + "a".repeat(OVER_LONG_TARGET), 414));
    cases.add(new HostilePath("TRACE", "TRACE", validPath, 405));
    return cases.stream();
  }

  /** The hostile but valid texts: each must round-trip exactly. */
  static Map<String, String> allowedTexts() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("SQL", "'; DROP TABLE project; -- \" OR 1=1");
    texts.put("markup", "<script>alert('x')</script>&amp;<b>");
    texts.put("emoji", "融资🚀👨‍👩‍👧✅");
    texts.put("right-to-left marks", "\u202Eabc\u202C\u200F שלום مرحبا");
    texts.put("astral-plane characters", "𠀀𠀁𝄞𝟘");
    texts.put("zero-width and combining", "e\u0301\u200B\uFEFF");
    texts.put("percent and braces", "%00 %s ${x} {{x}} \\u0000");
    return texts;
  }

  private static void walk(
      JsonNode node,
      List<Object> steps,
      JsonNode example,
      List<HostileCase> cases,
      Set<String> proseFields) {
    String path = path(steps);
    if (node.isObject()) {
      objectCases(node, steps, example, cases);
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        List<Object> child = new ArrayList<>(steps);
        child.add(property.getKey());
        walk(property.getValue(), child, example, cases, proseFields);
      }
      if (!steps.isEmpty()) {
        add(cases, example, steps, path + ": an array for an object", "[]");
        add(cases, example, steps, path + ": a string for an object", "\"x\"");
      }
      return;
    }
    if (node.isArray()) {
      add(cases, example, steps, path + ": an object for an array", "{}");
      add(cases, example, steps, path + ": a string for an array", "\"x\"");
      for (int i = 0; i < node.size(); i++) {
        List<Object> child = new ArrayList<>(steps);
        child.add(i);
        walk(node.get(i), child, example, cases, proseFields);
      }
      return;
    }
    for (Map.Entry<String, String> bad :
        malformedValues(node, proseFields.contains(path)).entrySet()) {
      add(cases, example, steps, path + ": " + bad.getKey(), bad.getValue());
    }
  }

  private static Map<String, String> malformedValues(JsonNode value, boolean prose) {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("an object", "{}");
    bad.put("an array", "[\"x\"]");
    if (value.isString()) {
      String text = value.asString();
      bad.put("a number", "12345");
      bad.put("a boolean", "true");
      if (MONEY.matcher(text).matches()) {
        bad.put("money as a JSON number", text);
        bad.put("money with an exponent", "\"1E+3\"");
        bad.put("money with a sign", "\"+" + text + "\"");
        bad.put("negative money", "\"-" + text + "\"");
        bad.put("money with a space", "\" " + text + "\"");
        bad.put("money with a separator", "\"1,000.00\"");
        bad.put("money with a huge exponent", "\"1e200000\"");
        bad.put("money in hexadecimal", "\"0x10\"");
        bad.put("money empty", "\"\"");
      } else if (DATE.matcher(text).matches()) {
        bad.put("a far date", "\"+999999999-12-31\"");
        bad.put("a date before 1900", "\"1899-12-31\"");
        bad.put("a year of five digits", "\"10000-01-01\"");
        bad.put("no such day", "\"" + text.substring(0, 5) + "02-30\"");
        bad.put("a date without padding", "\"2026-1-1\"");
        bad.put("a date as a number", "20260101");
      } else if (URL.matcher(text).matches()) {
        bad.putAll(malformedUrls(text));
      } else if (ENUM_NAME.matcher(text).matches()) {
        bad.put("an enum ordinal", "0");
        bad.put("an enum ordinal as a string", "\"0\"");
        bad.put("a padded enum name", "\"" + text + " \"");
        bad.put("a leading-space enum name", "\" " + text + "\"");
        bad.put("a lower-case enum name", "\"" + text.toLowerCase(java.util.Locale.ROOT) + "\"");
      } else {
        bad.put("NUL", quoted(text + "\u0000"));
        bad.put("an escaped NUL", "\"" + escaped(text) + "\\u0000\"");
        bad.put("a control character", quoted(text + "\u0007"));
        bad.put("an escape character", quoted("\u001B[31m" + text));
        bad.put("a lone high surrogate", "\"" + escaped(text) + "\\ud800\"");
        bad.put("a lone low surrogate", "\"\\udc00" + escaped(text) + "\"");
        bad.put("a reversed surrogate pair", "\"\\ude00\\ud83d\"");
        if (!prose) {
          bad.put("a line break", quoted(text + "\nX-Injected: 1"));
          bad.put("a carriage return", quoted(text + "\r"));
          bad.put("a tab", quoted(text + "\t"));
        }
      }
    } else if (value.isIntegralNumber()) {
      bad.put("a number as a string", "\"" + value.asString() + "\"");
      bad.put("a fraction", value.asString() + ".5");
      bad.put("a fraction of zero", value.asString() + ".0");
      bad.put("an exponent", "1e2");
      bad.put("a huge exponent", "1e200000");
      bad.put("a huge number", "9".repeat(40));
      bad.put("a boolean", "true");
      bad.put("an empty string", "\"\"");
    } else if (value.isFloatingPointNumber()) {
      bad.put("a number as a string", "\"" + value.asString() + "\"");
      bad.put("a boolean", "true");
    } else if (value.isBoolean()) {
      bad.put("a boolean as a string", "\"" + value.asString() + "\"");
      bad.put("a boolean as a number", "1");
      bad.put("a boolean as zero", "0");
      bad.put("yes", "\"yes\"");
    }
    return bad;
  }

  /** A URL's malformations: what is no absolute web address, or one that smuggles more in. */
  private static Map<String, String> malformedUrls(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("a relative URL", quoted("/" + rest));
    bad.put("a URL without a host", quoted("https:///hook"));
    bad.put("a URL of another scheme", quoted("ftp://" + rest));
    bad.put("a script URL", quoted("javascript:alert(1)"));
    bad.put("a file URL", quoted("file:///etc/passwd"));
    bad.put("a URL with credentials", quoted("https://user:secret@" + rest));
    bad.put("a URL with a space", quoted(url + " x"));
    bad.put("a padded URL", quoted(" " + url));
    bad.put("a URL with a line break", quoted(url + "\r\nX-Injected: 1"));
    bad.put("a URL with NUL", quoted(url + "\u0000"));
    bad.put("a URL with a backslash", quoted("https:\\\\" + rest));
    bad.put("an over-long URL", quoted(url + "/" + "a".repeat(OVER_LONG_TARGET)));
    bad.put("an empty URL", "\"\"");
    return bad;
  }

  private static void objectCases(
      JsonNode object, List<Object> steps, JsonNode example, List<HostileCase> cases) {
    String inner = JSON.writeValueAsString(object).substring(1);
    String where = steps.isEmpty() ? "" : path(steps) + ".";
    String separator = object.size() == 0 ? "" : ",";
    add(
        cases,
        example,
        steps,
        where + "unexpectedField: an unknown field",
        "{\"unexpectedField\":true" + separator + inner,
        where + "unexpectedField");
    if (object.size() > 0) {
      Map.Entry<String, JsonNode> first = object.properties().iterator().next();
      add(
          cases,
          example,
          steps,
          where + first.getKey() + ": a duplicate key",
          "{"
              + JSON.writeValueAsString(first.getKey())
              + ":"
              + JSON.writeValueAsString(first.getValue())
              + ","
              + inner,
          where + first.getKey());
    }
  }

  private static void texts(
      JsonNode node, List<Object> steps, JsonNode example, List<HostileText> cases) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        List<Object> child = new ArrayList<>(steps);
        child.add(property.getKey());
        texts(property.getValue(), child, example, cases);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> child = new ArrayList<>(steps);
        child.add(i);
        texts(node.get(i), child, example, cases);
      }
    } else if (node.isString() && URL.matcher(node.asString()).matches()) {
      String path = path(steps);
      String url = node.asString();
      allowedUrlTails()
          .forEach(
              (what, tail) ->
                  cases.add(
                      new HostileText(
                          path + ": a URL with " + what,
                          replaced(example, steps, quoted(url + tail)),
                          path,
                          url + tail)));
    } else if (node.isString() && isFreeText(node.asString())) {
      String path = path(steps);
      allowedTexts()
          .forEach(
              (what, text) ->
                  cases.add(
                      new HostileText(
                          path + ": " + what, replaced(example, steps, quoted(text)), path, text)));
    }
  }

  /**
   * What a valid URL may carry after its own path and that a careless store or page mangles: the
   * hostile texts percent-encoded in a query, and a path in Chinese.
   */
  static Map<String, String> allowedUrlTails() {
    Map<String, String> tails = new LinkedHashMap<>();
    tails.put("SQL in its query", "?q=%27%3B%20DROP%20TABLE%20project%3B%20--");
    tails.put("markup in its query", "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&amp=1");
    tails.put("a Chinese path", "/通知/回调");
    return tails;
  }

  /**
   * Text that is not money, a date, a URL, a code or an enum's name, so any text may stand in for
   * it.
   */
  private static boolean isFreeText(String text) {
    return !MONEY.matcher(text).matches()
        && !DATE.matcher(text).matches()
        && !ENUM_NAME.matcher(text).matches()
        && !URL.matcher(text).matches()
        && !CODE.matcher(text).matches()
        && !text.matches("[0-9A-Za-z+-]*[0-9][0-9A-Za-z+-]*");
  }

  private static void add(
      List<HostileCase> cases, JsonNode example, List<Object> steps, String name, String raw) {
    add(cases, example, steps, name, raw, steps.isEmpty() ? "body" : path(steps));
  }

  private static void add(
      List<HostileCase> cases,
      JsonNode example,
      List<Object> steps,
      String name,
      String raw,
      String field) {
    cases.add(new HostileCase(name, replaced(example, steps, raw), field));
  }

  /** The example with the node at {@code steps} replaced by raw JSON text. */
  static String replaced(JsonNode example, List<Object> steps, String raw) {
    if (steps.isEmpty()) {
      return raw;
    }
    JsonNode copy = example.deepCopy();
    JsonNode parent = copy;
    for (Object step : steps.subList(0, steps.size() - 1)) {
      parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
    }
    Object last = steps.get(steps.size() - 1);
    JsonNode mark = JsonNodeFactory.instance.stringNode(MARK);
    if (last instanceof Integer index) {
      ((ArrayNode) parent).set(index, mark);
    } else {
      ((ObjectNode) parent).set((String) last, mark);
    }
    return JSON.writeValueAsString(copy).replace("\"" + MARK + "\"", raw);
  }

  /** A path as the refusals name it: {@code enterprise.name}, {@code tags[0]}. */
  static String path(List<Object> steps) {
    StringBuilder path = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.isEmpty() ? "" : ".").append(step);
      }
    }
    return path.toString();
  }

  private static String quoted(String text) {
    return JSON.writeValueAsString(text);
  }

  /** The text as inside a JSON string, without the quotes. */
  private static String escaped(String text) {
    String quoted = quoted(text);
    return quoted.substring(1, quoted.length() - 1);
  }
}
