package io.huoshui.matching;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

/**
 * What the service sends its database, one transcript per transaction (BEGIN, each statement's SQL,
 * COMMIT or ROLLBACK), so that a test can count the round trips of one kind of work — the
 * consumer's transactions, say — apart from those of the relay and the timers that share the pool.
 * Every statement counts once however it is built; every transaction boundary counts as one
 * statement.
 */
public final class SqlTranscripts {

  static final String BEGIN = "BEGIN";
  static final String COMMIT = "COMMIT";
  static final String ROLLBACK = "ROLLBACK";

  private final ConcurrentLinkedQueue<List<String>> finished = new ConcurrentLinkedQueue<>();

  /** Forgets every transcript so far. */
  public void reset() {
    finished.clear();
  }

  /** The transactions ended since the last reset, in the order they ended. */
  public List<List<String>> transactions() {
    return List.copyOf(finished);
  }

  ConnectionFactory wrap(ConnectionFactory factory) {
    return (ConnectionFactory)
        Proxy.newProxyInstance(
            factory.getClass().getClassLoader(),
            ClassUtils.getAllInterfacesForClass(factory.getClass()),
            (proxy, method, args) -> {
              Object result = invoke(factory, method, args);
              if (method.getName().equals("create") && result instanceof Publisher<?> created) {
                return Mono.from(created).map(connection -> wrap((Connection) connection));
              }
              return result;
            });
  }

  private Connection wrap(Connection connection) {
    Transcript transcript = new Transcript();
    return (Connection)
        Proxy.newProxyInstance(
            connection.getClass().getClassLoader(),
            ClassUtils.getAllInterfacesForClass(connection.getClass()),
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "beginTransaction" -> transcript.begin();
                case "commitTransaction" -> transcript.end(COMMIT);
                case "rollbackTransaction" -> transcript.end(ROLLBACK);
                case "createStatement" -> {
                  Object statement = invoke(connection, method, args);
                  return statement(statement, transcript, (String) args[0]);
                }
                default -> {
                  // no round trip of its own worth counting
                }
              }
              return invoke(connection, method, args);
            });
  }

  /** The statement, recording its SQL when executed; its builder methods return the proxy. */
  private Object statement(Object statement, Transcript transcript, String sql) {
    Object[] self = new Object[1];
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("execute")) {
            transcript.statement(sql);
          }
          Object result = invoke(statement, method, args);
          return result == statement ? self[0] : result;
        };
    self[0] =
        Proxy.newProxyInstance(
            statement.getClass().getClassLoader(),
            ClassUtils.getAllInterfacesForClass(statement.getClass()),
            handler);
    return self[0];
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** One connection's current transaction; a statement outside one is a transaction of its own. */
  private final class Transcript {

    private List<String> current;

    synchronized void begin() {
      current = new ArrayList<>(List.of(BEGIN));
    }

    synchronized void statement(String sql) {
      if (current == null) {
        finished.add(List.of(sql));
      } else {
        current.add(sql);
      }
    }

    synchronized void end(String how) {
      if (current != null) {
        current.add(how);
        finished.add(List.copyOf(current));
        current = null;
      }
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    static SqlTranscripts sqlTranscripts() {
      return new SqlTranscripts();
    }

    @Bean
    static BeanPostProcessor transcribedConnections(SqlTranscripts transcripts) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof ConnectionFactory factory ? transcripts.wrap(factory) : bean;
        }
      };
    }
  }
}
