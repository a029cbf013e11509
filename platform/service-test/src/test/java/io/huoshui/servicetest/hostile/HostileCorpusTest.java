package io.huoshui.servicetest.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HostileCorpusTest {

  private static final String VALID =
      """
      {"title": "潞尧食用菌", "description": "扩产", "amount": "70000000.00", "termMonths": 36,
       "industry": "AGRICULTURE", "neededBy": "2026-12-01", "green": true,
       "enterprise": {"name": "山西潞尧"}, "tags": ["食用菌"]}
      """;

  private final JsonMapper json = JsonMapper.builder().build();

  private List<HostileCase> cases() {
    return HostileCorpus.forBody(VALID, Set.of("description")).toList();
  }

  private HostileCase named(String name) {
    return cases().stream()
        .filter(hostile -> hostile.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case " + name));
  }

  @Test
  void everyFieldGetsTheWrongJsonTypes() {
    for (String field :
        List.of(
            "title",
            "amount",
            "termMonths",
            "industry",
            "neededBy",
            "green",
            "enterprise.name",
            "tags[0]")) {
      assertThat(cases())
          .filteredOn(hostile -> hostile.name().equals(field + ": an object"))
          .singleElement()
          .satisfies(hostile -> assertThat(hostile.field()).isEqualTo(field));
    }
  }

  @Test
  void aCaseChangesOnlyItsFieldOfTheExample() {
    JsonNode example = json.readTree(VALID);
    JsonNode fraction = json.readTree(named("termMonths: a fraction").body());
    assertThat(fraction.get("termMonths").asString()).isEqualTo("36.5");
    assertThat(fraction.get("title")).isEqualTo(example.get("title"));
    assertThat(fraction.get("enterprise")).isEqualTo(example.get("enterprise"));
    assertThat(
            json.readTree(named("enterprise.name: a number").body()).at("/enterprise/name").isInt())
        .isTrue();
  }

  @Test
  void valuesAreMalformedByWhatTheyAre() {
    assertThat(
            json.readTree(named("amount: money as a JSON number").body()).get("amount").isNumber())
        .isTrue();
    assertThat(json.readTree(named("amount: money with a sign").body()).get("amount").asString())
        .isEqualTo("+70000000.00");
    assertThat(json.readTree(named("neededBy: a far date").body()).get("neededBy").asString())
        .isEqualTo("+999999999-12-31");
    assertThat(
            json.readTree(named("industry: a padded enum name").body()).get("industry").asString())
        .isEqualTo("AGRICULTURE ");
    assertThat(json.readTree(named("industry: an enum ordinal").body()).get("industry").asInt())
        .isZero();
    assertThat(json.readTree(named("green: a boolean as a string").body()).get("green").asString())
        .isEqualTo("true");
    assertThat(json.readTree(named("title: NUL").body()).get("title").asString())
        .endsWith("\u0000");
  }

  @Test
  void aLoneSurrogateIsSentAsTheEscapeAJsonParserDecodes() {
    String body = named("title: a lone high surrogate").body();
    assertThat(body).contains("\\ud800\"");
    String title = json.readTree(body).get("title").asString();
    assertThat(Character.isHighSurrogate(title.charAt(title.length() - 1))).isTrue();
  }

  @Test
  void lineBreaksAreRefusedOnlyOutsideProse() {
    assertThat(cases()).anyMatch(hostile -> hostile.name().equals("title: a line break"));
    assertThat(cases()).noneMatch(hostile -> hostile.name().equals("description: a line break"));
    assertThat(cases()).anyMatch(hostile -> hostile.name().equals("description: NUL"));
  }

  @Test
  void aDuplicateKeyIsOnlyVisibleToAStrictParser() {
    HostileCase duplicate = named("enterprise.name: a duplicate key");
    assertThat(duplicate.field()).isEqualTo("enterprise.name");
    assertThat(json.readTree(duplicate.body()).at("/enterprise/name").asString()).isEqualTo("山西潞尧");
    JsonMapper strict =
        JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    assertThatThrownBy(() -> strict.readTree(duplicate.body())).hasMessageContaining("Duplicate");
    assertThat(json.readTree(named("title: a duplicate key").body()).size())
        .isEqualTo(json.readTree(VALID).size());
  }

  @Test
  void anUnknownFieldIsNamedWhereItIsAdded() {
    HostileCase unknown = named("enterprise.unexpectedField: an unknown field");
    assertThat(unknown.field()).isEqualTo("enterprise.unexpectedField");
    assertThat(json.readTree(unknown.body()).at("/enterprise/unexpectedField").asBoolean())
        .isTrue();
    assertThat(named("unexpectedField: an unknown field").field()).isEqualTo("unexpectedField");
  }

  @Test
  void aBrokenDocumentIsTheBodysFault() {
    assertThat(named("body: not JSON").field()).isEqualTo("body");
    assertThat(named("body: trailing tokens").body()).startsWith(VALID).endsWith("{}");
  }

  @Test
  void hostileTextReplacesOnlyFreeTextFieldsAndIsValidJson() {
    List<HostileText> texts = HostileCorpus.roundTrips(VALID).toList();
    assertThat(texts)
        .extracting(HostileText::field)
        .contains("title", "enterprise.name", "tags[0]");
    assertThat(texts)
        .extracting(HostileText::field)
        .doesNotContain("amount", "industry", "neededBy");
    for (HostileText text : texts) {
      String pointer = "/" + text.field().replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
      assertThat(json.readTree(text.body()).at(pointer).asString()).isEqualTo(text.text());
    }
    assertThat(HostileCorpus.allowedTexts().values())
        .anyMatch(text -> text.codePoints().anyMatch(Character::isSupplementaryCodePoint))
        .anyMatch(text -> text.contains("\u202E"))
        .anyMatch(text -> text.contains("DROP TABLE"))
        .anyMatch(text -> text.contains("<script>"));
  }

  @Test
  void queriesMalformEachFilterInTurnKeepingTheOthers() {
    Map<String, String> valid = Map.of("submittedFrom", "2026-11-01", "amount", "1000.00");
    List<HostileQuery> queries = HostileCorpus.forQuery(valid).toList();
    assertThat(queries)
        .filteredOn(query -> query.name().equals("amount: a huge exponent"))
        .singleElement()
        .satisfies(
            query -> {
              assertThat(query.field()).isEqualTo("amount");
              assertThat(query.parameters())
                  .containsEntry("amount", "1e200000")
                  .containsEntry("submittedFrom", "2026-11-01");
            });
    assertThat(queries)
        .anyMatch(
            query ->
                query.field().equals("submittedFrom")
                    && query.parameters().get("submittedFrom").equals("+999999999-12-31"));
    assertThat(queries).anyMatch(query -> query.parameters().get(query.field()).contains("\u0000"));
    assertThat(
            new HostileQuery(
                    "x", new java.util.LinkedHashMap<>(Map.of("lang", "zh-CN\r\n")), "lang")
                .query())
        .isEqualTo("?lang=zh-CN%0D%0A");
  }

  @Test
  void aUrlIsMalformedAsAUrlAndRoundTripsWithHostileTails() {
    String registration = "{\"url\": \"https://portal.example.cn/hook\", \"language\": \"zh-CN\"}";
    List<HostileCase> cases = HostileCorpus.forBody(registration).toList();
    assertThat(cases)
        .extracting(HostileCase::name)
        .contains("url: a URL with credentials", "url: a script URL", "url: an over-long URL")
        .doesNotContain("url: a number as a string")
        .contains("language: NUL");
    assertThat(
            json.readTree(
                    cases.stream()
                        .filter(hostile -> hostile.name().equals("url: a URL with credentials"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .get("url")
                .asString())
        .isEqualTo("https://user:secret@portal.example.cn/hook");

    List<HostileText> texts = HostileCorpus.roundTrips(registration).toList();
    assertThat(texts).extracting(HostileText::field).containsOnly("url");
    assertThat(texts)
        .allSatisfy(text -> assertThat(text.text()).startsWith("https://portal.example.cn/hook"))
        .anyMatch(text -> text.text().contains("DROP%20TABLE"));
  }

  @Test
  void codesAreNotFreeText() {
    List<HostileText> texts =
        HostileCorpus.roundTrips(
                "{\"displayName\": \"洛南\", \"scopes\": [\"projects:read\"], \"bank\": \"jinshang-bank\"}")
            .toList();
    assertThat(texts).extracting(HostileText::field).containsOnly("displayName");
  }

  @Test
  void aFlagFilterIsMalformedAsAFlag() {
    assertThat(HostileCorpus.forQuery(Map.of("unread", "true")).toList())
        .extracting(query -> query.parameters().get("unread"))
        .contains("1", "TRUE", "yes", " true");
  }

  @Test
  void pathsAreBrokenAroundTheValidOneAndTheLimitsHaveTheirStatus() {
    List<HostilePath> paths = HostileCorpus.forPath("/api/v1/projects/42").toList();
    assertThat(paths)
        .extracting(HostilePath::target)
        .contains(
            "/api/v1/projects%2F42",
            "/api/v1/projects\\42", "/api/v1/projects/..;/42", "/api/v1/projects/42%00");
    HostilePath overLong =
        paths.stream().filter(path -> path.status() == 414).findFirst().orElseThrow();
    assertThat(overLong.target()).hasSizeGreaterThan(8192);
    assertThat(overLong.refusedBy(400)).isFalse();
    HostilePath trace =
        paths.stream().filter(path -> path.method().equals("TRACE")).findFirst().orElseThrow();
    assertThat(trace.refusedBy(405)).isTrue();
    assertThat(paths.get(0).refusedBy(404)).isTrue();
    assertThat(paths.get(0).refusedBy(500)).isFalse();
  }
}
