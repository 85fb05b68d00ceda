package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.SubmittedPlanView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant approve}: a four-eyes approval of a plan a policy holds. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a submitted plan that a policy holds for approval.",
      "",
      "The approval is of the plan's digest as shown (--digest to insist on the one you",
      "reviewed): the server refuses it when the plan's inputs changed since (409), and",
      "records who and when. It takes the approver (or admin) role in the plan's",
      "environment, and a person the policy names when it names any. You cannot approve a",
      "plan you asked for (403). An approval counts for 24 hours.",
      "",
      "Exit codes: 0 the plan is approved; 3 it still waits for other approvers;",
      "1 refused (the plan changed, or needs no approval); 4 no such plan; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  SEXTANT_TOKEN=$(cat ~/.sextant-bob) sextant approve plan-3",
      "  sextant approve plan-3 --digest sha256:4f1c…"
    })
public final class ApproveCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "PLAN", description = "The plan's name, e.g. plan-3.")
  String name;

  @Option(
      names = "--digest",
      paramLabel = "DIGEST",
      description = "The digest you reviewed (default: the plan's, as the server shows it now).")
  String digest;

  @Override
  public Integer call() {
    var context = root.context();
    String path = "api/v1/plans/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    try (Backend store = backend.open(context)) {
      String approved =
          digest != null
              ? digest
              : ApiCalls.get(store, path, "plan " + name).path("digest").asText();
      JsonNode after =
          ApiCalls.post(
              store,
              path + "/approvals",
              JsonNodeFactory.instance.objectNode().put("digest", approved));
      if (output.format() == Format.TABLE) {
        SubmittedPlanView.print(context.out(), after);
      } else {
        Printer.print(context.out(), output.format(), after);
      }
      return after.path("state").asText().equals("approved") ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }
  }
}
