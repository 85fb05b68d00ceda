package dev.sextant.cli.output;

import dev.sextant.api.DeliveryReport;
import dev.sextant.api.ServiceDelivery;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** DORA's delivery figures as a table: one row per service in each environment. */
public final class DeliveryView {
  private DeliveryView() {}

  public static void print(PrintWriter out, DeliveryReport report) {
    out.printf("Delivery from %s to %s%n", report.since(), report.until());
    if (report.items().isEmpty()) {
      out.println("No rollout finished in this window.");
      out.flush();
      return;
    }
    Table table =
        new Table(
            "ENVIRONMENT",
            "SERVICE",
            "DEPLOYS",
            "DEPLOYS/DAY",
            "LEAD TIME p50",
            "LEAD TIME p90",
            "CHANGE FAIL",
            "RESTORE p50");
    for (ServiceDelivery s : report.items()) {
      table.row(
          s.environment(),
          s.service(),
          String.valueOf(s.deployments()),
          String.format(Locale.ROOT, "%.2f", s.deploymentsPerDay()),
          duration(s.leadTimeMedianSeconds()),
          duration(s.leadTimeP90Seconds()),
          s.changeFailureRate()
              .map(
                  r ->
                      String.format(
                          Locale.ROOT, "%.0f%% (%d/%d)", r * 100, s.failures(), s.finished()))
              .orElse("-"),
          duration(s.timeToRestoreMedianSeconds()));
    }
    table.print(out);
    out.flush();
  }

  /** Days, hours and minutes as people read them: {@code 1d4h}, {@code 4h48m}, {@code 30s}. */
  static String duration(Optional<Double> seconds) {
    if (seconds.isEmpty()) {
      return "-";
    }
    Duration d = Duration.ofMillis(Math.round(seconds.get() * 1_000));
    if (d.toMinutes() == 0) {
      return d.toSeconds() + "s";
    }
    StringBuilder text = new StringBuilder();
    if (d.toDays() > 0) {
      text.append(d.toDays()).append('d');
    }
    if (d.toHoursPart() > 0) {
      text.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0 && d.toDays() == 0) {
      text.append(d.toMinutesPart()).append('m');
    }
    return text.toString();
  }
}
