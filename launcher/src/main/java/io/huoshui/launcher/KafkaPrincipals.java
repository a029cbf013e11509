package io.huoshui.launcher;

import io.huoshui.vocabulary.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.yaml.snakeyaml.Yaml;

/**
 * Gives every service of the local run a Kafka principal of its own (SCRAM, named after the
 * service) and ACLs for exactly the topics it declares in its {@code huoshui.events} settings:
 * write what it produces, read what it consumes, write the dead-letter topics of both, its own
 * consumer group. Two services have one more duty each: credit writes to the banks' topics (in the
 * transaction that stores the match, so a bank never reads a match its answer API does not know),
 * and identity creates them and grants the banks their access.
 */
final class KafkaPrincipals {

  private static final String DEAD_LETTER_SUFFIX = ".dlt";
  private static final int SCRAM_ITERATIONS = 8192;
  private static final String CLUSTER = "kafka-cluster";
  private static final AclOperation[] WRITE = {
    AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE
  };
  private static final AclOperation[] READ = {AclOperation.READ, AclOperation.DESCRIBE};

  /** What a service declares in application.yml under {@code huoshui.events}. */
  record Declared(List<String> produces, List<String> consumes) {}

  private KafkaPrincipals() {}

  /** The local run's password of a service's principal; never used outside this machine. */
  static String passwordOf(String service) {
    return service + "-local-secret";
  }

  /**
   * Creates or refreshes the principals and their ACLs, over the broker's loopback listener whose
   * anonymous principal is the broker's super user.
   */
  static void provision(String adminBootstrap, Map<Component, Declared> services) {
    // A broker that has just started on a loaded machine may take well over 15 s to assign its
    // controller: the start waits for it rather than failing.
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, adminBootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 120_000))) {
      List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
      List<AclBinding> acls = new ArrayList<>();
      services.forEach(
          (service, topics) -> {
            credentials.add(
                new UserScramCredentialUpsertion(
                    service.name(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                    passwordOf(service.name())));
            acls.addAll(aclsOf(service.name(), topics));
          });
      admin.alterUserScramCredentials(List.copyOf(credentials)).all().get(120, TimeUnit.SECONDS);
      admin.createAcls(acls).all().get(120, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new LaunchException("could not give the services their Kafka principals: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while giving the services their Kafka principals");
    }
  }

  static List<AclBinding> aclsOf(String service, Declared topics) {
    Grants grants = new Grants("User:" + service);
    // Health checks describe the cluster.
    grants.allow(ResourceType.CLUSTER, CLUSTER, PatternType.LITERAL, AclOperation.DESCRIBE);
    Set<String> deadLetters = new LinkedHashSet<>();
    for (String topic : topics.produces()) {
      grants.allow(ResourceType.TOPIC, topic, PatternType.LITERAL, WRITE);
      deadLetters.add(topic + DEAD_LETTER_SUFFIX);
    }
    for (String topic : topics.consumes()) {
      grants.allow(ResourceType.TOPIC, topic, PatternType.LITERAL, READ);
      deadLetters.add(topic + DEAD_LETTER_SUFFIX);
    }
    for (String topic : deadLetters) {
      grants.allow(ResourceType.TOPIC, topic, PatternType.LITERAL, WRITE);
    }
    grants.allow(ResourceType.GROUP, service, PatternType.PREFIXED, READ);
    // Every service counts working days on the calendar, read whole at each start.
    grants.allow(ResourceType.TOPIC, Topics.CALENDAR, PatternType.LITERAL, READ);
    switch (service) {
      case "credit-service" ->
          grants.allow(
              ResourceType.TOPIC,
              Topics.BANK_PREFIX,
              PatternType.PREFIXED,
              AclOperation.WRITE,
              AclOperation.DESCRIBE);
      case "identity-service" -> {
        // Setting a bank's SCRAM password and ACLs is a cluster-level change.
        grants.allow(ResourceType.CLUSTER, CLUSTER, PatternType.LITERAL, AclOperation.ALTER);
        // The calendar topic, compacted, which identity declares itself.
        grants.allow(ResourceType.TOPIC, Topics.CALENDAR, PatternType.LITERAL, WRITE);
        grants.allow(
            ResourceType.TOPIC,
            Topics.BANK_PREFIX,
            PatternType.PREFIXED,
            AclOperation.CREATE,
            AclOperation.DESCRIBE);
      }
      default -> {}
    }
    return grants.acls;
  }

  /** The ACLs of one principal, as they are granted. */
  private record Grants(String principal, List<AclBinding> acls) {

    Grants(String principal) {
      this(principal, new ArrayList<>());
    }

    void allow(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
      for (AclOperation operation : operations) {
        acls.add(
            new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
      }
    }
  }

  /** The topics a service declares, read from the application.yml inside its executable jar. */
  static Declared declaredBy(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry("BOOT-INF/classes/application.yml");
      if (entry == null) {
        return new Declared(List.of(), List.of());
      }
      try (InputStream yaml = zip.getInputStream(entry)) {
        Map<String, Object> root = new Yaml().load(yaml);
        Map<String, Object> events = child(child(root, "huoshui"), "events");
        return new Declared(list(events.get("produces")), list(events.get("consumes")));
      }
    } catch (IOException e) {
      throw new LaunchException("could not read the settings of " + jar + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object value = parent == null ? null : parent.get(key);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<String> list(Object value) {
    return value instanceof List<?> items
        ? items.stream().map(String::valueOf).toList()
        : List.of();
  }
}
