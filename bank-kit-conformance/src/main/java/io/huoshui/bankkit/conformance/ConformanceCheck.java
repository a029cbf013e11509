package io.huoshui.bankkit.conformance;

import io.huoshui.bankkit.Answer;
import io.huoshui.bankkit.AnswerOutcome;
import io.huoshui.bankkit.Arguments;
import io.huoshui.bankkit.BankApi;
import io.huoshui.bankkit.BankConnection;
import io.huoshui.bankkit.BankCredentials;
import io.huoshui.bankkit.BankTopicReader;
import io.huoshui.bankkit.EventKind;
import io.huoshui.bankkit.EventVerifier;
import io.huoshui.bankkit.MatchEvent;
import io.huoshui.bankkit.MatchHandler;
import io.huoshui.bankkit.Problem;
import io.huoshui.bankkit.TokenSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * The check a bank runs against a network while its own application runs: it reads the bank's topic
 * as the bank, creates test demand as a county that fits one of the bank's products, watches the
 * bank's application answer it, and probes every refusal the network gives a bank.
 *
 * <pre>
 * HUOSHUI_BANK_SECRET=… HUOSHUI_COUNTY_SECRET=… java -jar bank-kit-conformance.jar \
 *   --gateway http://localhost:8080 --kafka localhost:9094 \
 *   --client-id bank-zhangzi-rcb --county-client-id county-140428 [--wait 120]
 * </pre>
 */
public final class ConformanceCheck {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Report report;
  private final BankCredentials bank;
  private final BankApi api;
  private final County county;
  private final String countyCode;
  private final Duration patience;
  private final Clock clock;
  private final List<MatchEvent> received = new CopyOnWriteArrayList<>();
  private final List<String> invalid = new CopyOnWriteArrayList<>();

  private ConformanceCheck(
      Report report,
      BankCredentials bank,
      BankApi api,
      County county,
      String countyCode,
      Duration patience,
      Clock clock) {
    this.report = report;
    this.bank = bank;
    this.api = api;
    this.county = county;
    this.countyCode = countyCode;
    this.patience = patience;
    this.clock = clock;
  }

  public static void main(String[] args) throws Exception {
    Arguments options = Arguments.parse(args);
    Clock clock = Clock.system(CHINA);
    BankConnection connection = BankConnection.from(options, clock);
    BankCredentials bank = connection.credentials();
    String countyClient = options.required("county-client-id");
    TokenSource bankTokens = connection.tokens();
    TokenSource countyTokens =
        new TokenSource(
            connection.http(),
            connection.json(),
            connection.gateway(),
            countyClient,
            Arguments.environment("HUOSHUI_COUNTY_SECRET"),
            clock);
    Report report = new Report(System.out);
    System.out.printf("活水银行接入一致性检查 / Huoshui bank conformance check: %s%n", bank.clientId());
    if (!report.check(token(bankTokens), "银行以客户端凭证取得令牌 / the bank obtains a token", "")
        || !report.check(token(countyTokens), "县区取得令牌 / the county obtains a token", "")) {
      System.exit(report.finish());
    }
    BankTopicReader reader =
        connection.reader("conformance-" + UUID.randomUUID(), BankTopicReader.Start.EARLIEST);
    ConformanceCheck check =
        new ConformanceCheck(
            report,
            bank,
            connection.api(),
            new County(connection.http(), connection.json(), connection.gateway(), countyTokens),
            countyClient.substring(countyClient.indexOf('-') + 1),
            Duration.ofSeconds(Long.parseLong(options.get("wait", "120"))),
            clock);
    CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> check.read(reader));
    try {
      check.run(reader);
    } finally {
      reader.close();
      reading.exceptionally(failure -> null).join();
    }
    System.exit(report.finish());
  }

  private static boolean token(TokenSource tokens) {
    try {
      return !tokens.bearer().isEmpty();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void read(BankTopicReader reader) {
    try {
      reader.run(
          new MatchHandler() {
            @Override
            public void handle(MatchEvent event) {
              received.add(event);
            }

            @Override
            public void rejected(
                ConsumerRecord<String, String> record, EventVerifier.InvalidEvent why) {
              invalid.add("offset " + record.offset() + ": " + why.getMessage());
            }
          });
    } catch (Exception failed) {
      invalid.add("读取中断 / reading stopped: " + failed);
    }
  }

  private void run(BankTopicReader reader) throws Exception {
    boolean reading = reader.awaitAssigned(patience);
    if (!report.check(
        reading,
        "以 SCRAM 凭证读取本行主题 / reads its own topic with its SCRAM credentials",
        reader.topic() + (reading ? "" : "：未分配到分区 / no partitions: " + invalid))) {
      return;
    }
    Optional<JsonNode> product = product();
    if (!report.check(
        product.isPresent(),
        "本行有服务该县的产品 / a product of the bank serves the county",
        product.map(p -> p.path("name").asString()).orElse(countyCode + " 的产品目录中没有本行产品"))) {
      return;
    }
    Optional<MatchEvent.Proposed> first = propose(product.get(), "一");
    if (first.isEmpty()) {
      return;
    }
    String matchId = first.get().matchId();
    BigDecimal amount = first.get().demand().amountRequested();
    List<Probe> probes =
        List.of(
            new Probe(
                "第二次审批被拒绝 / a second decision is refused",
                Answer.approval(amount, new BigDecimal("4.350"), 12, null),
                409,
                "ALREADY_APPROVED"),
            new Probe(
                "审批后拒贷被拒绝 / a decline after the approval is refused",
                Answer.decline("OUTSIDE_CREDIT_POLICY", "一致性检查"),
                409,
                "ALREADY_APPROVED"),
            new Probe(
                "超出审批额的放款被拒绝 / a disbursement beyond the approval is refused",
                Answer.disbursement(new BigDecimal("0.01"), LocalDate.now(clock)),
                422,
                "DISBURSEMENT_ABOVE_APPROVAL"),
            new Probe(
                "缺少字段的答复被拒绝 / an answer missing a field is refused",
                new Answer("APPROVAL", null, null, null, null, null, null, null, null, null, null),
                400,
                null));
    int orderLine = answeredInOrder(matchId);
    for (Probe probe : probes) {
      if (orderLine > 0) {
        // On a match the bank left half-answered the probe would itself answer it for the bank.
        report.skip(probe.point(), "需要第 %d 行通过 / needs line %d".formatted(orderLine, orderLine));
      } else {
        refused(probe.point(), matchId, probe.answer(), probe.status(), probe.code());
      }
    }
    othersMatch(first.get().projectId());
    released(product.get());
    everyEventType();
  }

  private Optional<JsonNode> product() throws IOException, InterruptedException {
    County.Reply catalog = county.get("/api/v1/catalog");
    for (JsonNode product : catalog.body().path("products")) {
      if (bank.bankCode().equals(product.path("bankCode").asString())) {
        return Optional.of(product);
      }
    }
    return Optional.empty();
  }

  private Optional<MatchEvent.Proposed> propose(JsonNode product, String which) throws Exception {
    String title = "银行接入检查需求" + which + "-" + UUID.randomUUID().toString().substring(0, 8);
    County.Reply submitted =
        county.post(
            "/api/v1/projects",
            TestDemand.fitting(
                product, countyCode, title, ThreadLocalRandom.current().nextInt(10_000_000)));
    String projectId = submitted.body().path("id").asString("");
    if (!report.check(
        submitted.status() == 201,
        "县区提交测试需求%s / the county submits test demand %s".formatted(which, which),
        submitted.status() == 201 ? projectId : submitted.status() + " " + submitted.body())) {
      return Optional.empty();
    }
    Optional<MatchEvent> proposed =
        await(event -> event instanceof MatchEvent.Proposed && event.projectId().equals(projectId));
    boolean anonymous =
        proposed.map(event -> !event.data().toString().contains(title)).orElse(false);
    report.check(
        proposed.isPresent() && anonymous,
        "收到并验证 MatchProposed（匿名）/ MatchProposed received, envelope and schema valid, anonymised",
        proposed
            .map(
                event ->
                    "match " + event.matchId() + (anonymous ? "" : "，含企业名称 / names the enterprise"))
            .orElse("%s 内未收到 / none within %s".formatted(patience, patience)));
    return proposed.map(MatchEvent.Proposed.class::cast);
  }

  /** An answer the network must refuse on the first match, with the status and rule it names. */
  private record Probe(String point, Answer answer, int status, String code) {}

  /** 0 when the bank answered in order, else the number of the line that failed. */
  private int answeredInOrder(String matchId) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    List<String> recorded = recorded(matchId);
    while (!recorded.contains("DISBURSEMENT") && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      recorded = recorded(matchId);
    }
    Optional<String> problem = AnswerOrder.problem(recorded);
    boolean inOrder =
        report.check(
            problem.isEmpty(),
            "银行依次答复 INTEREST → APPROVAL → DISBURSEMENT / the bank answers INTEREST, then APPROVAL, then DISBURSEMENT",
            problem.orElse(recorded.toString()));
    return inOrder ? 0 : report.lines().size();
  }

  private List<String> recorded(String matchId) throws IOException, InterruptedException {
    List<String> answers = new ArrayList<>();
    api.match(matchId)
        .ifPresent(
            detail ->
                detail.path("responses").forEach(r -> answers.add(r.path("answer").asString())));
    return answers;
  }

  private void refused(String point, String matchId, Answer answer, int status, String code)
      throws IOException, InterruptedException {
    AnswerOutcome outcome = api.answer(matchId, answer);
    if (outcome instanceof AnswerOutcome.Refused refused) {
      Problem problem = refused.problem();
      report.check(
          problem.status() == status
              && problem.isProblemJson()
              && (code == null || code.equals(problem.code())),
          point,
          problem.toString());
    } else {
      report.check(false, point, "被接受了 / it was accepted: " + outcome);
    }
  }

  private void othersMatch(String projectId) throws IOException, InterruptedException {
    String other = null;
    for (JsonNode match :
        county.get("/api/v1/projects/" + projectId + "/matches").body().path("matches")) {
      if (!bank.bankCode().equals(match.path("bankCode").asString())) {
        other = match.path("matchId").asString();
      }
    }
    String point = "答复他行的匹配被拒绝（404）/ an answer to another bank's match is refused as not found";
    if (other == null) {
      report.skip(point, "测试需求只匹配到本行 / the test demand matched this bank only");
      return;
    }
    refused(point, other, Answer.interest(new BigDecimal("1.00")), 404, null);
  }

  private void released(JsonNode product) throws Exception {
    Optional<MatchEvent.Proposed> second = propose(product, "二");
    if (second.isEmpty()) {
      return;
    }
    County.Reply withdrawn =
        county.post(
            "/api/v1/projects/" + second.get().projectId() + "/withdraw",
            Map.of("reason", "一致性检查：撤回以验证已释放的匹配"));
    if (!report.check(
        withdrawn.status() == 200,
        "县区撤回测试需求二 / the county withdraws test demand 二",
        withdrawn.status() == 200 ? "" : withdrawn.status() + " " + withdrawn.body())) {
      return;
    }
    String matchId = second.get().matchId();
    Optional<MatchEvent> release =
        await(event -> event instanceof MatchEvent.Released && event.matchId().equals(matchId));
    report.check(
        release.isPresent(),
        "收到并验证 MatchReleased / MatchReleased received, envelope and schema valid",
        release
            .map(event -> "cause " + ((MatchEvent.Released) event).cause())
            .orElse("%s 内未收到 / none within %s".formatted(patience, patience)));
    refused(
        "答复已释放的匹配被拒绝 / an answer to a released match is refused",
        matchId,
        Answer.interest(second.get().demand().amountRequested()),
        409,
        "MATCH_RELEASED");
  }

  private void everyEventType() {
    for (EventKind kind : EventKind.values()) {
      long count =
          received.stream().filter(event -> event.envelope().type().equals(kind.type())).count();
      String point =
          "主题上的 %s 全部有效 / every %s on the topic is valid".formatted(kind.type(), kind.type());
      if (count == 0 && kind == EventKind.ESCALATED) {
        report.skip(
            point,
            "主题上尚无督办事件：督办随网络的工作日期限而来，无法按需触发 / none yet: escalation follows the working-day deadlines");
      } else {
        report.check(count > 0, point, count + " 条 / events");
      }
    }
    report.check(
        invalid.isEmpty(),
        "主题上没有无效记录 / no invalid record on the topic",
        invalid.isEmpty() ? received.size() + " 条已验证 / verified" : String.join("; ", invalid));
  }

  private Optional<MatchEvent> await(Predicate<MatchEvent> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<MatchEvent> found = received.stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }
}
