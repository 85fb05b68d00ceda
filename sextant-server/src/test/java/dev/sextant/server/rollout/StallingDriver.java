package dev.sextant.server.rollout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The PostgreSQL driver with a hold between a rollout's decision and its write: the statement that
 * moves a rollout's version by compare-and-set ({@code update rollouts set current_revision = next
 * … and current_revision = current}) to version {@code next} waits, once in the whole cluster,
 * after printing {@code deciding NEXT}, until a line arrives on standard input. By then the unit of
 * work has read the rollout and decided; a test can stop the process there and let another move the
 * rollout on. The compare-and-set it then runs prints {@code compare-and-set to NEXT moved ROWS}.
 */
final class StallingDriver implements Driver {
  private static final String COMPARE_AND_SET = "update rollouts set current_revision";

  private final Driver postgres;
  private final long next;
  private final Path once;
  private final BufferedReader input =
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  private StallingDriver(Driver postgres, long next, Path once) {
    this.postgres = postgres;
    this.next = next;
    this.once = once;
  }

  /**
   * Puts itself in place of the driver of {@code url} for this process.
   *
   * @param once a file that whichever process holds first creates, so that only it holds
   */
  static void install(String url, long next, Path once) throws SQLException {
    Driver postgres = DriverManager.getDriver(url);
    DriverManager.deregisterDriver(postgres);
    DriverManager.registerDriver(new StallingDriver(postgres, next, once));
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Connection connection = postgres.connect(url, info);
    if (connection == null) {
      return null;
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = call(method, connection, args);
              if (method.getName().equals("prepareStatement")
                  && ((String) args[0]).startsWith(COMPARE_AND_SET)) {
                return compareAndSet((PreparedStatement) result);
              }
              return result;
            });
  }

  /** The statement, its parameters remembered, holding before it runs when it moves to next. */
  private PreparedStatement compareAndSet(PreparedStatement statement) {
    Map<Integer, Object> parameters = new ConcurrentHashMap<>();
    boolean[] held = {false};
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.startsWith("set") && args != null && args.length >= 2) {
                parameters.put((Integer) args[0], args[1]);
              }
              boolean running = name.equals("execute") || name.equals("executeUpdate");
              // Jdbi binds :next first: "set current_revision = :next where …".
              boolean ours = Long.valueOf(next).equals(parameters.get(1));
              if (running && ours && holdFirst()) {
                held[0] = true;
                System.out.println("deciding " + next);
                System.out.flush();
                awaitLine();
              }
              Object result = call(method, statement, args);
              if (running && held[0]) {
                System.out.println(
                    "compare-and-set to " + next + " moved " + statement.getUpdateCount());
                System.out.flush();
              }
              return result;
            });
  }

  private boolean holdFirst() {
    try {
      Files.createFile(once);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitLine() {
    try {
      input.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return postgres.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return postgres.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return postgres.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return postgres.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return postgres.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return postgres.getParentLogger();
  }
}
