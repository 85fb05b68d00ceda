package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.SubmittedPlanView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant plan show}: a submitted plan, its approvals and what it still waits for. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a submitted plan: its verdict, its digest, the approvals it has and those it",
      "still waits for; without a name, the last submitted plans.",
      "",
      "Exit codes: 0 approved; 3 awaiting approval or refused; 4 no such plan."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant plan show", "  sextant plan show plan-3 -o json"})
public final class PlanShowCommand implements Callable<Integer> {
  @ParentCommand PlanCommand plan;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(
      paramLabel = "PLAN",
      arity = "0..1",
      description = "The plan's name, e.g. plan-3; the last plans when absent.")
  String name;

  @Override
  public Integer call() {
    var context = plan.root.context();
    try (Backend store = backend.open(context)) {
      if (name == null) {
        JsonNode plans = ApiCalls.get(store, "api/v1/plans", "plans");
        if (output.format() == Format.TABLE) {
          SubmittedPlanView.list(context.out(), plans.path("items"));
        } else {
          Printer.print(context.out(), output.format(), plans);
        }
        return ExitCode.OK;
      }
      JsonNode shown =
          ApiCalls.get(
              store,
              "api/v1/plans/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
              "plan " + name);
      if (output.format() == Format.TABLE) {
        SubmittedPlanView.print(context.out(), shown);
      } else {
        Printer.print(context.out(), output.format(), shown);
      }
      return shown.path("state").asText().equals("approved") ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }
  }
}
