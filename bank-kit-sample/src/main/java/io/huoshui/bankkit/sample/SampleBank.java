package io.huoshui.bankkit.sample;

import io.huoshui.bankkit.Answer;
import io.huoshui.bankkit.AnswerOutcome;
import io.huoshui.bankkit.Arguments;
import io.huoshui.bankkit.BankApi;
import io.huoshui.bankkit.BankConnection;
import io.huoshui.bankkit.BankCredentials;
import io.huoshui.bankkit.BankTopicReader;
import io.huoshui.bankkit.MatchEvent;
import io.huoshui.bankkit.MatchHandler;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample bank on the bank kit: reads its own topic and answers every proposal by {@link Desk}'s
 * rule, logging each answer and what the network made of it.
 *
 * <pre>
 * java -jar bank-kit-sample.jar --gateway http://localhost:8080 --kafka localhost:9094 \
 *   --client-id bank-zhangzi-rcb [--start latest] [--limit 50000000] [--misbehave]
 * </pre>
 *
 * The secret is read from {@code HUOSHUI_BANK_SECRET}, so that it never shows in a process list.
 */
public final class SampleBank implements MatchHandler {

  private static final Logger log = LoggerFactory.getLogger(SampleBank.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final BankApi api;
  private final Desk desk;
  private final Clock clock;

  SampleBank(BankApi api, Desk desk, Clock clock) {
    this.api = api;
    this.desk = desk;
    this.clock = clock;
  }

  public static void main(String[] args) throws Exception {
    Arguments options = Arguments.parse(args);
    Clock clock = Clock.system(CHINA);
    BankConnection connection = BankConnection.from(options, clock);
    BankCredentials credentials = connection.credentials();
    Desk desk =
        new Desk(
            new BigDecimal(options.get("limit", "50000000")),
            new BigDecimal("4.350"),
            options.flag("misbehave"));
    BankTopicReader reader =
        connection.reader(
            "sample",
            BankTopicReader.Start.valueOf(options.get("start", "earliest").toUpperCase()));
    Runtime.getRuntime().addShutdownHook(new Thread(reader::close));
    log.info(
        "样例银行 {} 启动{} / sample bank started, reading {}",
        credentials.bankCode(),
        desk.misbehaving() ? "（故意先审批后意向）" : "",
        reader.topic());
    reader.run(new SampleBank(connection.api(), desk, clock));
  }

  @Override
  public void handle(MatchEvent event) throws Exception {
    if (event instanceof MatchEvent.Proposed proposed) {
      answer(proposed);
    } else if (event instanceof MatchEvent.Escalated escalated) {
      log.warn(
          "督办 {} {}：匹配 {}，期限 {} / escalated",
          escalated.colour(),
          escalated.stage(),
          escalated.matchId(),
          escalated.deadline());
    } else if (event instanceof MatchEvent.Released released) {
      log.info("匹配 {} 已释放，原因 {} / released", released.matchId(), released.cause());
    }
  }

  private static boolean refusedByAnInstrument(AnswerOutcome outcome) {
    return outcome instanceof AnswerOutcome.Refused refused
        && INSTRUMENT_REFUSALS.contains(refused.problem().code());
  }

  private static final Set<String> INSTRUMENT_REFUSALS =
      Set.of("INSTRUMENT_BUDGET_EXHAUSTED", "INSTRUMENT_UNAVAILABLE");

  private void answer(MatchEvent.Proposed proposed) throws Exception {
    log.info(
        "收到匹配 {}：{} 县 {} 元 {} 个月 / proposed",
        proposed.matchId(),
        proposed.demand().county(),
        proposed.demand().amountRequested().toPlainString(),
        proposed.demand().termMonths());
    for (Answer answer : desk.answers(proposed, LocalDate.now(clock))) {
      AnswerOutcome outcome = api.answer(proposed.matchId(), answer);
      if (answer.instruments() != null && refusedByAnInstrument(outcome)) {
        // An instrument's budget may be drawn by another approval between offer and approval:
        // the loan is approved all the same, without the public money.
        log.warn(
            "答复 {} 所用政策工具不可用，改为不使用政策工具的审批 / approving without instruments: {}",
            proposed.matchId(),
            ((AnswerOutcome.Refused) outcome).problem());
        answer = answer.withoutInstruments();
        outcome = api.answer(proposed.matchId(), answer);
      }
      if (outcome instanceof AnswerOutcome.Accepted accepted) {
        log.info(
            "答复 {} {} 已记录 {} / recorded",
            proposed.matchId(),
            answer.answer(),
            accepted.responseId());
      } else if (outcome instanceof AnswerOutcome.Refused refused) {
        log.warn(
            "答复 {} {} 被拒绝：{} / refused", proposed.matchId(), answer.answer(), refused.problem());
      }
    }
  }
}
