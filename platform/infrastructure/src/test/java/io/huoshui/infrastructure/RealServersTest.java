package io.huoshui.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servers the local run keeps across down/up: what was written before a stop is there after a
 * start on the same data directory.
 */
class RealServersTest {

  @TempDir Path directory;

  @Test
  void postgresKeepsItsDataAcrossARestartAndRoundTripsChinese() throws Exception {
    Path data = directory.resolve("postgres");
    int port = Ports.free();
    try (PostgresServer server =
        PostgresServer.start(data, port, directory.resolve("pg.log"), Durability.DURABLE, true)) {
      PostgresEndpoint endpoint = server.endpoint();
      endpoint.createDatabaseIfMissing("county");
      endpoint.createDatabaseIfMissing("county");
      try (Connection c =
              DriverManager.getConnection(
                  endpoint.jdbcUrl("county"), endpoint.username(), endpoint.password());
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE county (code text PRIMARY KEY, name text NOT NULL)");
        s.execute("INSERT INTO county VALUES ('140428', '长子县')");
      }
      assertThat(server.pid()).isPositive();
    }
    assertThat(PostgresServer.postmasterPid(data)).isEmpty();

    try (PostgresServer server =
            PostgresServer.start(
                data, port, directory.resolve("pg.log"), Durability.DURABLE, true);
        Connection c =
            DriverManager.getConnection(
                server.endpoint().jdbcUrl("county"), PostgresServer.SUPERUSER, "");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT name FROM county WHERE code = '140428'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("长子县");
    }
  }

  @Test
  void aServerKilledWithoutShutdownStartsAgainThoughOneOfItsBackendsHasNotNoticed()
      throws Exception {
    Path data = directory.resolve("killed");
    int port = Ports.free();
    PostgresServer killed =
        PostgresServer.start(data, port, directory.resolve("killed.log"), Durability.DURABLE, true);
    long backend;
    try (Connection c =
            DriverManager.getConnection(killed.endpoint().jdbcUrl("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE demand (id int PRIMARY KEY)");
      s.execute("INSERT INTO demand VALUES (1)");
      Connection idle =
          DriverManager.getConnection(killed.endpoint().jdbcUrl("postgres"), "postgres", "");
      ResultSet pid = idle.createStatement().executeQuery("SELECT pg_backend_pid()");
      pid.next();
      backend = pid.getLong(1);
      // A backend that cannot run cannot notice that its postmaster died: the slowest case of a
      // busy machine, held still.
      new ProcessBuilder("kill", "-STOP", Long.toString(backend)).start().waitFor();
      ProcessHandle postmaster = ProcessHandle.of(killed.pid()).orElseThrow();
      postmaster.destroyForcibly();
      postmaster.onExit().get(1, TimeUnit.MINUTES);
    }
    // Only the lock zonky holds on the directory in this JVM; the launcher starts anew in another.
    killed.close();
    assertThat(ProcessHandle.of(backend).map(ProcessHandle::isAlive)).contains(true);

    try (PostgresServer again =
            PostgresServer.start(
                data, port, directory.resolve("killed.log"), Durability.DURABLE, true);
        Connection c =
            DriverManager.getConnection(again.endpoint().jdbcUrl("postgres"), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM demand")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
    assertThat(ProcessHandle.of(backend).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void durabilityIsWhatTheCallerChose() throws Exception {
    assertThat(settingsOf(Durability.DURABLE, "durable")).containsExactly("on", "on", "on");
    assertThat(settingsOf(Durability.THROWAWAY, "throwaway")).containsExactly("off", "off", "off");
  }

  private List<String> settingsOf(Durability durability, String name) throws Exception {
    try (PostgresServer server =
            PostgresServer.start(
                directory.resolve(name),
                Ports.free(),
                directory.resolve(name + ".log"),
                durability,
                true);
        Connection c =
            DriverManager.getConnection(
                server.endpoint().jdbcUrl("postgres"), PostgresServer.SUPERUSER, "");
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                    + " current_setting('full_page_writes')")) {
      assertThat(rows.next()).isTrue();
      return List.of(rows.getString(1), rows.getString(2), rows.getString(3));
    }
  }

  @Test
  void kafkaBrokerKeepsTopicsAndRecordsAcrossARestart() throws Exception {
    Path data = directory.resolve("kafka");
    KafkaBroker.Listeners listeners = KafkaBroker.Listeners.free();
    try (KafkaBroker broker =
        KafkaBroker.start(data, listeners, directory.resolve("k.log"), "384m", true)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("huoshui.test", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
        producer.send(new ProducerRecord<>("huoshui.test", "140428", "长子县 需求")).get();
      }
    }

    try (KafkaBroker broker =
            KafkaBroker.start(data, listeners, directory.resolve("k.log"), "384m", true);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
      consumer.subscribe(List.of("huoshui.test"));
      // Generous: the consumer's group join and first fetch take seconds on a busy machine, and
      // only a record that never comes should fail the test.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      ConsumerRecord<String, String> record = null;
      while (record == null && System.nanoTime() < deadline) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          record = records.iterator().next();
        }
      }
      assertThat(record).isNotNull();
      assertThat(record.key()).isEqualTo("140428");
      assertThat(record.value()).isEqualTo("长子县 需求");
    }
  }

  @Test
  void aTakenPortIsReportedWithTheBrokerLog() throws Exception {
    try (var taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      assertThat(Ports.inUse(port)).isTrue();
      assertThatThrownBy(
              () ->
                  KafkaBroker.start(
                      directory.resolve("kafka"),
                      new KafkaBroker.Listeners(port, Ports.free(), Ports.free()),
                      directory.resolve("k.log"),
                      "256m",
                      true))
          .isInstanceOf(InfrastructureException.class)
          .hasMessageContaining("Kafka exited")
          .hasMessageContaining(String.valueOf(port));
    }
  }

  private static Properties producerConfig(KafkaBroker broker) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return p;
  }

  private static Properties consumerConfig(KafkaBroker broker) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return p;
  }
}
