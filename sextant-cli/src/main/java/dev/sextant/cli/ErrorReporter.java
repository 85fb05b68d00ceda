package dev.sextant.cli;

import dev.sextant.core.graph.DependencyCycleException;
import dev.sextant.core.graph.InvalidReleaseException;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Problem;
import dev.sextant.server.store.StoreException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes. User errors are printed as plain
 * messages; only a bug prints a stack trace, and only with {@code SEXTANT_DEBUG=1}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final Main.Context context;

  ErrorReporter(Main.Context context) {
    this.context = context;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (e instanceof InvalidInputException invalid) {
      printProblems(err, invalid.problems());
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof InvalidReleaseException releases) {
      releases.problems().forEach(p -> err.println("error: " + p.format()));
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof DependencyCycleException cycle) {
      err.println("error: " + cycle.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof StoreException store) {
      // A lost compare-and-set is a conflict (6), any other failure of the store an outage (5).
      err.println("error: " + store.getMessage());
      debug(e);
      return ExitCode.of(store.kind(), store.retryable());
    }
    if (e instanceof CliException cli) {
      err.println("error: " + cli.getMessage());
      debug(e);
      return cli.exitCode();
    }
    err.println(
        "internal error: " + e + " (rerun with SEXTANT_DEBUG=1 for details, and please report it)");
    debug(e);
    return ExitCode.INTERNAL;
  }

  static void printProblems(java.io.PrintWriter err, List<Problem> problems) {
    problems.forEach(p -> err.println(p.format()));
    long files = problems.stream().map(Problem::source).distinct().count();
    err.printf(
        "error: %d problem%s in %d input%s; nothing was changed%n",
        problems.size(), problems.size() == 1 ? "" : "s", files, files == 1 ? "" : "s");
  }

  static int usage(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    commandLine.getErr().println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, commandLine.getErr());
    commandLine
        .getErr()
        .println(
            "Try '"
                + commandLine.getCommandSpec().qualifiedName()
                + " --help' for usage and examples.");
    return ExitCode.USAGE;
  }

  private void debug(Exception e) {
    if ("1".equals(context.env().get("SEXTANT_DEBUG"))) {
      e.printStackTrace(context.err());
    }
  }
}
