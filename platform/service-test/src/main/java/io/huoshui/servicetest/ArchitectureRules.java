package io.huoshui.servicetest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The layout rule of docs/architecture.md, as the build checks it: each service's test calls {@link
 * #check} with its base package. A class's role is its role subpackage ({@code api}, {@code
 * application}, {@code domain}, {@code persistence}, {@code messaging}, {@code config}) or else its
 * name ({@code *Controller}, {@code *View}; {@code *Store}; {@code *Listener}, {@code Incoming};
 * {@code *Configuration}, {@code *Application}); a Spring bean without a role name is application,
 * any other class domain.
 */
public final class ArchitectureRules {

  private static final Set<String> BEAN_ANNOTATIONS =
      Set.of(
          "org.springframework.stereotype.Component",
          "org.springframework.stereotype.Service",
          "org.springframework.stereotype.Repository",
          "org.springframework.web.bind.annotation.RestController",
          "org.springframework.context.annotation.Configuration",
          "org.springframework.boot.context.properties.ConfigurationProperties");

  private ArchitectureRules() {}

  /** The roles of docs/architecture.md. */
  enum Role {
    API,
    APPLICATION,
    DOMAIN,
    PERSISTENCE,
    MESSAGING,
    CONFIG,
    DEMO
  }

  /** Fails with every violation of every rule in the service's main classes. */
  public static void check(String basePackage) {
    JavaClasses service =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(basePackage);
    check(basePackage, service);
  }

  /** As {@link #check(String)}, on classes imported by the caller (a test of the rules). */
  public static void check(String basePackage, JavaClasses service) {
    List<String> failures = new ArrayList<>();
    for (ArchRule rule : rules(basePackage)) {
      // A service without, say, a persistence class has nothing to break that rule with.
      EvaluationResult result = rule.allowEmptyShould(true).evaluate(service);
      if (result.hasViolation()) {
        failures.add(result.getFailureReport().toString());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          "The layout rule (docs/architecture.md) is broken:\n" + String.join("\n", failures));
    }
  }

  static List<ArchRule> rules(String basePackage) {
    DescribedPredicate<JavaClass> api = role(basePackage, Role.API);
    DescribedPredicate<JavaClass> application = role(basePackage, Role.APPLICATION);
    DescribedPredicate<JavaClass> domain = role(basePackage, Role.DOMAIN);
    DescribedPredicate<JavaClass> persistence = role(basePackage, Role.PERSISTENCE);
    DescribedPredicate<JavaClass> messaging = role(basePackage, Role.MESSAGING);
    DescribedPredicate<JavaClass> config = role(basePackage, Role.CONFIG);
    DescribedPredicate<JavaClass> demo = role(basePackage, Role.DEMO);
    DescribedPredicate<JavaClass> ofService =
        DescribedPredicate.describe(
            "in " + basePackage, type -> type.getPackageName().startsWith(basePackage));
    return List.of(
        noClasses()
            .that(ofService.and(DescribedPredicate.not(api.or(config))))
            .should()
            .dependOnClassesThat(api)
            .as("nothing but config depends on api classes"),
        noClasses()
            .that(ofService.and(DescribedPredicate.not(messaging.or(config))))
            .should()
            .dependOnClassesThat(messaging)
            .as("nothing but config depends on the listener and its incoming payloads"),
        noClasses()
            .that(ofService.and(DescribedPredicate.not(demo.or(config))))
            .should()
            .dependOnClassesThat(demo)
            .as("nothing depends on the demo data"),
        noClasses()
            .that(persistence)
            .should()
            .dependOnClassesThat(application.or(api).or(messaging).or(config))
            .as("persistence depends on domain only"),
        noClasses()
            .that(domain)
            .should()
            .dependOnClassesThat(application.or(persistence).or(api).or(messaging).or(config))
            .as("domain depends on nothing of the service but domain"),
        noClasses()
            .that(application)
            .should()
            .dependOnClassesThat(config)
            .as("application does not depend on config (settings belong to application)"),
        noClasses()
            .that(domain)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework..",
                "io.r2dbc..",
                "reactor..",
                "org.apache.kafka..",
                "io.huoshui.eventing..")
            .as("domain classes import no Spring, R2DBC, Reactor, Kafka or event plumbing"),
        noClasses()
            .that(
                ofService
                    .and(DescribedPredicate.not(persistence))
                    .and(DescribedPredicate.not(config)))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc.core..")
            .as("SQL lives only in *Store classes"),
        classes()
            .that(ofService.and(hasKafkaListener()))
            .should()
            .haveSimpleNameEndingWith("Listener")
            .as("Kafka listeners are *Listener classes"),
        noClasses()
            .that(ofService.and(DescribedPredicate.not(messaging)))
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.huoshui.eventing.EventConsumer")
            .as("only the listener consumes events"),
        noClasses()
            .that(
                ofService
                    .and(DescribedPredicate.not(application))
                    .and(DescribedPredicate.not(config)))
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.huoshui.eventing.Outbox")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName(
                "org.springframework.transaction.reactive.TransactionalOperator")
            .as("only application services write events and open transactions"),
        classes()
            .that(
                ofService.and(
                    annotatedWith("org.springframework.web.bind.annotation.RestController")))
            .should()
            .haveSimpleNameEndingWith("Controller")
            .as("only *Controller classes are controllers"),
        slices()
            .matching(basePackage + ".(*)..")
            .should()
            .beFreeOfCycles()
            .as("the features of the service form no cycle"),
        noClasses()
            .that(ofService)
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .as("time comes from the injected Clock"));
  }

  /** The role of a class of the service, as docs/architecture.md gives it. */
  static Role roleOf(String basePackage, JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    String relative =
        outer.getPackageName().length() > basePackage.length()
            ? outer.getPackageName().substring(basePackage.length() + 1)
            : "";
    for (String part : relative.split("\\.")) {
      switch (part) {
        case "api" -> {
          return Role.API;
        }
        case "application" -> {
          return Role.APPLICATION;
        }
        case "domain" -> {
          return Role.DOMAIN;
        }
        case "persistence" -> {
          return Role.PERSISTENCE;
        }
        case "messaging" -> {
          return Role.MESSAGING;
        }
        case "config" -> {
          return Role.CONFIG;
        }
        case "demo" -> {
          return Role.DEMO;
        }
        default -> {
          // a feature's name: the class's name decides
        }
      }
    }
    String name = outer.getSimpleName();
    if (name.endsWith("Controller") || name.endsWith("View")) {
      return Role.API;
    }
    if (name.endsWith("Store")) {
      return Role.PERSISTENCE;
    }
    if (name.endsWith("Listener") || name.equals("Incoming")) {
      return Role.MESSAGING;
    }
    if (name.endsWith("Configuration") || name.endsWith("Application")) {
      return Role.CONFIG;
    }
    if (name.endsWith("Metrics") || name.endsWith("Observer")) {
      return Role.APPLICATION;
    }
    boolean bean =
        BEAN_ANNOTATIONS.stream().anyMatch(outer::isAnnotatedWith)
            || BEAN_ANNOTATIONS.stream().anyMatch(outer::isMetaAnnotatedWith);
    return bean ? Role.APPLICATION : Role.DOMAIN;
  }

  private static DescribedPredicate<JavaClass> role(String basePackage, Role role) {
    return DescribedPredicate.describe(
        role.name().toLowerCase(java.util.Locale.ROOT) + " classes",
        type -> type.getPackageName().startsWith(basePackage) && roleOf(basePackage, type) == role);
  }

  private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";

  private static DescribedPredicate<JavaClass> hasKafkaListener() {
    return DescribedPredicate.describe(
        "with @KafkaListener methods",
        type ->
            type.getMethods().stream()
                .anyMatch(
                    (JavaMethod method) ->
                        method.isAnnotatedWith(KAFKA_LISTENER)
                            || method.isMetaAnnotatedWith(KAFKA_LISTENER)));
  }

  private static DescribedPredicate<JavaClass> annotatedWith(String annotation) {
    return DescribedPredicate.describe(
        "annotated with @" + annotation.substring(annotation.lastIndexOf('.') + 1),
        type -> type.isAnnotatedWith(annotation));
  }
}
