package io.huoshui.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.notification.NotificationServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Notifications are written when their transaction commits, in it, and only then. */
class NoticesTest extends NotificationServiceTest {

  @Autowired Notices notices;
  @Autowired TransactionalOperator transaction;
  @Autowired DatabaseClient database;

  @Test
  void aTransactionsNotificationsAreWrittenInItNumberedInTheOrderPublishedAndOnce() {
    Audience county = Audience.county(freshCounty());
    Audience bank = Audience.bank("bank-" + UUID.randomUUID().toString().substring(0, 8));
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();

    Long writer =
        notices
            .publish(
                List.of(
                    notice(county, first, Kind.MATCH_PROPOSED),
                    notice(bank, first, Kind.MATCH_PROPOSED)))
            .then(notices.publish(List.of(notice(county, second, Kind.BANK_INTEREST))))
            // Published again in the same transaction, as a replay would: still one.
            .then(notices.publish(List.of(notice(county, first, Kind.MATCH_PROPOSED))))
            .then(
                database
                    .sql("SELECT txid_current() % 4294967296 AS xid")
                    .map(row -> row.get("xid", Long.class))
                    .one())
            .as(transaction::transactional)
            .block();

    List<String> rows =
        database
            .sql(
                """
                SELECT seq, origin, xmin::text AS xmin FROM notification
                WHERE audience_type = 'COUNTY' AND audience_id = :id ORDER BY seq
                """)
            .bind("id", county.id())
            .map(row -> row.get("seq") + " " + row.get("origin") + " " + row.get("xmin"))
            .all()
            .collectList()
            .block();
    assertThat(rows).containsExactly("1 " + first + " " + writer, "2 " + second + " " + writer);
    assertThat(
            database
                .sql("SELECT last_seq FROM audience_sequence WHERE audience_id = :id")
                .bind("id", bank.id())
                .map(row -> row.get(0, Long.class))
                .one()
                .block())
        .isEqualTo(1L);
  }

  @Test
  void aRolledBackTransactionLeavesNoNotification() {
    Audience county = Audience.county(freshCounty());
    notices
        .publish(List.of(notice(county, UUID.randomUUID().toString(), Kind.NO_MATCH)))
        .then(Mono.error(new IllegalStateException("the effect failed")))
        .as(transaction::transactional)
        .onErrorComplete(IllegalStateException.class)
        .block();

    assertThat(
            database
                .sql("SELECT count(*) FROM notification WHERE audience_id = :id")
                .bind("id", county.id())
                .map(row -> row.get(0, Long.class))
                .one()
                .block())
        .isZero();
  }

  private static NewNotification notice(Audience audience, String origin, Kind kind) {
    return new NewNotification(
        audience, kind, UUID.randomUUID().toString(), audience.id(), origin, Map.of("k", "v"));
  }
}
