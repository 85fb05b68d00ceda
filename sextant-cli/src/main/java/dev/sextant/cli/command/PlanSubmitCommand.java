package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.SubmittedPlanView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant plan submit}: a plan made and kept by the server, as a request to deploy. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Ask to deploy a stored release to an environment: the server plans it from what it",
      "stores (the release's latest revision, the environment's latest fingerprint, every",
      "Policy) and keeps the plan with its digest, under a name such as plan-3.",
      "",
      "It takes the deployer role in that environment. A plan that a policy holds for",
      "approval waits for others to approve it ('sextant approve plan-3'): you cannot",
      "approve your own, and an approval covers only the digest approved.",
      "",
      "Exit codes: 0 approved (nothing to wait for); 3 awaiting approval or refused;",
      "1 bad input; 4 unknown release or environment; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant plan submit payments-api-2.4.0 --environment prod-us"})
public final class PlanSubmitCommand implements Callable<Integer> {
  @ParentCommand PlanCommand plan;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "RELEASE", description = "The stored Release's name.")
  String release;

  @Option(
      names = "--environment",
      required = true,
      paramLabel = "NAME",
      description = "The stored Environment to deploy to.")
  String environment;

  @Override
  public Integer call() {
    var context = plan.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode submitted =
          ApiCalls.post(
              store,
              "api/v1/plans",
              JsonNodeFactory.instance
                  .objectNode()
                  .put("release", release)
                  .put("environment", environment));
      if (output.format() == Format.TABLE) {
        SubmittedPlanView.print(context.out(), submitted);
      } else {
        Printer.print(context.out(), output.format(), submitted);
      }
      return submitted.path("state").asText().equals("approved")
          ? ExitCode.OK
          : ExitCode.INCOMPATIBLE;
    }
  }
}
