package dev.sextant.cli.command;

import dev.sextant.api.ApiJson;
import dev.sextant.api.DeliveryReport;
import dev.sextant.api.DeliveryReportRequest;
import dev.sextant.api.SextantClient;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.DeliveryView;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.delivery.DeliveryWindow;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant report delivery}: DORA's four delivery figures per service and environment. */
@Command(
    name = "delivery",
    mixinStandardHelpOptions = true,
    description = {
      "Show DORA's delivery figures per service and environment over a window.",
      "",
      "The four figures of 'Accelerate' (dora.dev), from the rollouts the server stored:",
      "  DEPLOYS/DAY    rollouts whose revision took all traffic, per day",
      "  LEAD TIME      from a release revision's creation (sextant apply) to",
      "                 its rollout's deployment: median (p50) and p90",
      "  CHANGE FAIL    failed or rolled-back rollouts over all that finished;",
      "                 an aborted rollout finished, but is no failure",
      "  RESTORE        from a failed rollout to the next successful one of the",
      "                 service in the environment (failures in a row count",
      "                 from the first): the median",
      "",
      "A service appears when one of its rollouts finished in the window. A figure",
      "without data shows '-' (and is left out of JSON and YAML): with no deployment",
      "there is no lead time, which is not a lead time of 0. The server's /metrics",
      "has the same figures over the last 30 days as gauges (sextant_dora_*).",
      "",
      "Exit codes: 0 shown (an empty report too); 1 a bad --window; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant report delivery",
      "  sextant report delivery --environment prod-eu --window 7d",
      "  sextant report delivery --service payments-api -o json"
    })
public final class ReportDeliveryCommand implements Callable<Integer> {
  @ParentCommand ReportCommand report;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(names = "--environment", paramLabel = "NAME", description = "Only this environment's.")
  String environment;

  @Option(names = "--service", paramLabel = "NAME", description = "Only this service's.")
  String service;

  @Option(
      names = "--window",
      paramLabel = "LENGTH",
      description =
          "How far back from now: days (30d) or a duration (12h, 90m); at most 3660d"
              + " (default: 30d).")
  String window;

  @Override
  public Integer call() {
    var context = report.root.context();
    if (window != null) {
      try {
        DeliveryWindow.length(window);
      } catch (IllegalArgumentException e) {
        throw CliException.invalid("--window: " + e.getMessage());
      }
    }
    DeliveryReportRequest request =
        new DeliveryReportRequest(
            Optional.ofNullable(environment),
            Optional.ofNullable(service),
            Optional.ofNullable(window));
    try (Backend store = backend.open(context)) {
      DeliveryReport figures =
          ApiCalls.call(() -> new SextantClient(store.api()).deliveryReport(request));
      if (output.format() == Format.TABLE) {
        DeliveryView.print(context.out(), figures);
      } else {
        Printer.print(context.out(), output.format(), ApiJson.mapper().valueToTree(figures));
      }
    }
    return ExitCode.OK;
  }
}
