package dev.sextant.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** The {@code sextant} entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Library chatter (Flyway, Jetty, Hikari) stays out of the user's terminal unless asked for.
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getenv().getOrDefault("SEXTANT_LOG_LEVEL", "warn"));
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, System.getenv(), System.console() != null));
  }

  /** Runs one command line and returns its exit code; tests call this with their own streams. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    return run(args, out, err, env, false);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, Map)}, saying whether the output is a
   * terminal, where a command may redraw what it shows instead of adding lines.
   */
  static int run(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
    CommandLine commandLine = commandLine(new Context(env, out, err, terminal), args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The root command with the subcommand that {@code args} names, or with all of them when they
   * name none (help, a mistyped name: then picocli lists them or suggests one).
   */
  static CommandLine commandLine(Context context, String[] args) {
    CommandLine commandLine = new CommandLine(new SextantCommand(context));
    Class<?> named = args.length > 0 ? SextantCommand.SUBCOMMANDS.get(args[0]) : null;
    if (named != null) {
      commandLine.addSubcommand(args[0], named);
    } else {
      SextantCommand.SUBCOMMANDS.forEach(commandLine::addSubcommand);
    }
    commandLine.setExecutionExceptionHandler(new ErrorReporter(context));
    commandLine.setParameterExceptionHandler(ErrorReporter::usage);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(true);
    commandLine
        .getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
    return commandLine;
  }

  /**
   * What a command may use of the world: the environment, the output streams, and whether the
   * output is a terminal.
   */
  public record Context(
      Map<String, String> env, PrintWriter out, PrintWriter err, boolean terminal) {}
}
