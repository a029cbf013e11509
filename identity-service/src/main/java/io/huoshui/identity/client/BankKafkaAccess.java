package io.huoshui.identity.client;

import io.huoshui.vocabulary.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * A bank consumes the demand matched to it straight from Kafka, as principal {@code User:<client
 * id>} with its client secret as SCRAM password: the same credential for the API and for Kafka, so
 * that one rotation or one disable covers both. Its ACLs let it read its own topic only, in
 * consumer groups named after itself only.
 */
@Component
public class BankKafkaAccess implements DisposableBean {

  private static final int SCRAM_ITERATIONS = 8192;
  private static final long TIMEOUT_SECONDS = 15;

  private final Admin admin;
  private final int partitions;
  private final short replicas;

  /**
   * Connects as the identity service's own principal where the broker asks for one: the Kafka
   * client settings are Spring's ({@code spring.kafka.*}, security included).
   */
  BankKafkaAccess(
      KafkaAdmin kafkaAdmin,
      @Value("${huoshui.identity.bank-topics.partitions:3}") int partitions,
      @Value("${huoshui.identity.bank-topics.replicas:1}") short replicas) {
    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "identity-service-bank-access");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    this.admin = Admin.create(config);
    this.partitions = partitions;
    this.replicas = replicas;
  }

  /** Creates the bank's topic and ACLs if missing and sets its SCRAM password. */
  void grant(String clientId, String bankCode, String secret) {
    String topic = Topics.bankMatches(bankCode);
    String principal = "User:" + clientId;
    try {
      await(admin.createTopics(List.of(new NewTopic(topic, partitions, replicas))).all());
    } catch (KafkaAccessException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    await(
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        clientId,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                        secret)))
            .all());
    await(
        admin
            .createAcls(
                List.of(
                    allow(
                        principal,
                        ResourceType.TOPIC,
                        topic,
                        PatternType.LITERAL,
                        AclOperation.READ),
                    allow(
                        principal,
                        ResourceType.TOPIC,
                        topic,
                        PatternType.LITERAL,
                        AclOperation.DESCRIBE),
                    allow(
                        principal,
                        ResourceType.GROUP,
                        clientId,
                        PatternType.PREFIXED,
                        AclOperation.READ)))
            .all());
  }

  /** The bank can no longer authenticate; its topic and what is on it stay for the operator. */
  void revoke(String clientId) {
    try {
      await(
          admin
              .alterUserScramCredentials(
                  List.of(new UserScramCredentialDeletion(clientId, ScramMechanism.SCRAM_SHA_512)))
              .all());
    } catch (KafkaAccessException e) {
      if (!(e.getCause() instanceof ResourceNotFoundException)) {
        throw e;
      }
    }
  }

  private static AclBinding allow(
      String principal,
      ResourceType type,
      String name,
      PatternType pattern,
      AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }

  private static void await(KafkaFuture<Void> future) {
    try {
      future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new KafkaAccessException(e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaAccessException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaAccessException(e);
    }
  }

  @Override
  public void destroy() {
    admin.close();
  }

  /** Kafka did not take the change; the operator's request fails as a whole. */
  public static class KafkaAccessException extends RuntimeException {
    KafkaAccessException(Throwable cause) {
      super("Kafka did not accept the bank's access change: " + cause.getMessage(), cause);
    }
  }
}
