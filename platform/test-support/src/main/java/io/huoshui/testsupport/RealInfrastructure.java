package io.huoshui.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test real PostgreSQL and Kafka: the shared servers of this JVM (see {@link
 * SharedInfrastructure}), a database of the service's own, and the Spring properties that point
 * R2DBC, Flyway and Kafka at them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

  /** The service's own database, created when missing. */
  String database();
}
