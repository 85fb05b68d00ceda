package dev.sextant.cli;

import dev.sextant.cli.command.AgentCommand;
import dev.sextant.cli.command.ApplyCommand;
import dev.sextant.cli.command.ApproveCommand;
import dev.sextant.cli.command.AuditCommand;
import dev.sextant.cli.command.DemoCommand;
import dev.sextant.cli.command.DeployCommand;
import dev.sextant.cli.command.DescribeCommand;
import dev.sextant.cli.command.DriftCommand;
import dev.sextant.cli.command.FingerprintCommand;
import dev.sextant.cli.command.GetCommand;
import dev.sextant.cli.command.GraphCommand;
import dev.sextant.cli.command.HistoryCommand;
import dev.sextant.cli.command.KeysCommand;
import dev.sextant.cli.command.NotificationsCommand;
import dev.sextant.cli.command.PlanCommand;
import dev.sextant.cli.command.ReportCommand;
import dev.sextant.cli.command.RoleCommand;
import dev.sextant.cli.command.RolloutCommand;
import dev.sextant.cli.command.SecretCommand;
import dev.sextant.cli.command.ServerCommand;
import dev.sextant.cli.command.SignCommand;
import dev.sextant.cli.command.TokenCommand;
import dev.sextant.cli.command.ValidateCommand;
import dev.sextant.cli.command.WhoamiCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: it only lists the subcommands. */
@Command(
    name = "sextant",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Sextant decides where a release may run by matching what it requires against what each"
          + " environment really is, and records every decision.",
      ""
    },
    footerHeading = "%n",
    footer = {
      "Examples:",
      // At most 80 columns: picocli wraps footer lines at the terminal's width without indenting.
      "  sextant validate -f examples/       check files without touching any store",
      "  sextant apply -f examples/          store every resource as a new revision",
      "  sextant get releases -l team=risk   list current revisions by label",
      "  sextant history release fraud-detector-1-4-0",
      "                                      every revision with digest, author, time",
      "  sextant graph impact payments-api@3.0.0",
      "                                      consumers a new API version would break",
      "",
      "Environment:",
      "  SEXTANT_HOME    data directory of the embedded store (default ~/.sextant)",
      "  SEXTANT_SERVER  default for --server",
      "  SEXTANT_DEBUG   set to 1 to print stack traces of internal errors",
      "",
      ExitCode.HELP_SECTION
    })
public final class SextantCommand implements Runnable {
  /**
   * The subcommands by name, in the order {@code --help} lists them. They are added by {@link Main}
   * rather than named in the annotation, so that a command line builds the model of the one command
   * it runs: picocli reads every added command's annotations when it is added.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private final Main.Context context;

  @Spec CommandSpec spec;

  SextantCommand(Main.Context context) {
    this.context = context;
  }

  public Main.Context context() {
    return context;
  }

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> command :
        List.of(
            ApplyCommand.class,
            ValidateCommand.class,
            GetCommand.class,
            DescribeCommand.class,
            HistoryCommand.class,
            ServerCommand.class,
            FingerprintCommand.class,
            PlanCommand.class,
            ApproveCommand.class,
            DeployCommand.class,
            RolloutCommand.class,
            NotificationsCommand.class,
            ReportCommand.class,
            AuditCommand.class,
            KeysCommand.class,
            SignCommand.class,
            DriftCommand.class,
            GraphCommand.class,
            AgentCommand.class,
            SecretCommand.class,
            TokenCommand.class,
            RoleCommand.class,
            WhoamiCommand.class,
            DemoCommand.class)) {
      byName.put(command.getAnnotation(Command.class).name(), command);
    }
    return Collections.unmodifiableMap(byName);
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }
}
