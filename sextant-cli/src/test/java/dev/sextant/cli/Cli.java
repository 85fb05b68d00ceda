package dev.sextant.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real root command with a full argument list, as a user would, and captures it. */
final class Cli {
  private final Map<String, String> env = new HashMap<>();
  private final List<String> trailing = new ArrayList<>();

  static Cli withHome(Path home) {
    Cli cli = new Cli();
    cli.env.put("SEXTANT_HOME", home.toString());
    cli.env.put("USER", "tester");
    // The store opened in the test's own process: fast, and no server left behind. The local
    // server has its own tests (LocalServerTest), which start with withDaemon.
    cli.env.put("SEXTANT_NO_DAEMON", "1");
    return cli;
  }

  /** As {@link #withHome}, but a store command talks to the local server, starting it. */
  static Cli withDaemon(Path home) {
    Cli cli = withHome(home);
    cli.env.remove("SEXTANT_NO_DAEMON");
    return cli;
  }

  /** Sets an environment variable for every command, e.g. {@code SEXTANT_PLUGINS}. */
  Cli withEnv(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Adds arguments to every store command, e.g. {@code --db URL}. */
  Cli withStoreArgs(String... args) {
    trailing.addAll(List.of(args));
    return this;
  }

  Result run(String... args) {
    return run(false, args);
  }

  /** Runs a command as if its output were a terminal, where a command may redraw. */
  Result onTerminal(String... args) {
    return run(true, args);
  }

  private Result run(boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env, terminal);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs a store command: the arguments plus the store arguments. */
  Result store(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(trailing);
    return run(all.toArray(String[]::new));
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
