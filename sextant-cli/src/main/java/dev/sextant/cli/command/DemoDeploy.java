package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.core.validation.Input;
import dev.sextant.server.targets.local.HaproxyException;
import dev.sextant.server.targets.local.HaproxyInstallation;
import dev.sextant.server.targets.local.HaproxyProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's deploy story on this host: the sample service's v1 deployed behind a real HAProxy, v2
 * canaried and promoted after its analysis, v3 (which fails a third of its requests) canaried,
 * failed by its analysis and rolled back on its own, while a load generator keeps sending requests
 * through HAProxy and counts what it gets.
 */
final class DemoDeploy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoDeploy() {}

  /**
   * @param root the project's root, where the sample service's jar was built
   * @param judged whether the server has a Prometheus: the canaries are then judged against a
   *     baseline on its numbers, else their errors are scraped
   * @param auditor where v3's evidence bundle is written and the key it is checked with
   * @return whether the story went as told: v2 promoted and replayed to its plan's digest, v3
   *     rolled back with a bundle that verifies offline, no error after it
   */
  static boolean run(
      PrintWriter out,
      RemoteBackend api,
      Path root,
      String environment,
      Step step,
      boolean judged,
      DemoEvidence.Auditor auditor)
      throws Exception {
    step.next("Find HAProxy for the local target (installed from Debian's packages if missing)");
    Path haproxy;
    try {
      haproxy = HaproxyInstallation.binary();
    } catch (HaproxyException e) {
      out.printf(
          "   %s%n   The deploy story needs it; everything above ran without.%n", e.getMessage());
      return false;
    }
    out.printf("   %s (%s)%n", haproxy, HaproxyProcess.version(haproxy).full());
    String analysis = judged ? "sample-judge" : "sample-errors";
    try (DemoWebhook webhook = DemoWebhook.start()) {
      return run(out, api, root, environment, step, judged, analysis, webhook, auditor);
    }
  }

  private static boolean run(
      PrintWriter out,
      RemoteBackend api,
      Path root,
      String environment,
      Step step,
      boolean judged,
      String analysis,
      DemoWebhook webhook,
      DemoEvidence.Auditor auditor)
      throws Exception {
    Path jar = sampleJar(root);
    String sha256 =
        Files.readString(Path.of(jar + ".sha256"), StandardCharsets.UTF_8).split("\\s+")[0];
    api.apply(
        List.of(
            input("demo-webhook.yaml", webhook.notifier("sample")),
            input("sample.yaml", DemoResources.SERVICE),
            input("demo-canary.yaml", DemoResources.STRATEGY.formatted(analysis)),
            input(analysis + ".yaml", judged ? DemoResources.JUDGED : DemoResources.TEMPLATE),
            input("sample-1.yaml", DemoResources.release("1.0.0", jar, sha256, "0")),
            input("sample-2.yaml", DemoResources.release("2.0.0", jar, sha256, "0")),
            input("sample-3.yaml", DemoResources.release("3.0.0", jar, sha256, "0.3"))),
        "demo");
    out.printf(
        "   applied Service sample, Strategy demo-canary, AnalysisTemplate %s, Notifier"
            + " demo-webhook and releases sample-1-0-0, -2-0-0, -3-0-0 (%s, sha256 %s…)%n",
        analysis, jar.getFileName(), sha256.substring(0, 12));
    out.printf(
        judged
            ? "   canaries are judged against a baseline of the stable version on the numbers of a"
                + " Prometheus the server runs (Mann-Whitney, as Kayenta)%n"
            : "   no Prometheus: canaries are judged on their own errors, scraped from their"
                + " /metrics%n");

    step.next(
        "Deploy sample 1.0.0 to " + environment + ": its first deployment, all traffic at once");
    long t0 = System.nanoTime();
    JsonNode v1 = watch(out, api, deploy(api, "sample-1-0-0", environment));
    double v1Seconds = seconds(t0);
    String endpoint = v1.path("endpoint").asText();
    out.printf("   %s in %.1f s; clients use %s%n", v1.path("phase").asText(), v1Seconds, endpoint);
    if (!v1.path("phase").asText().equals("succeeded")) {
      return false;
    }

    try (DemoLoad load = DemoLoad.on(URI.create(endpoint + "/"))) {
      out.printf("   a load generator now sends requests to %s without a pause%n", endpoint);
      step.next(
          "Canary sample 2.0.0 (healthy): 20%"
              + (judged ? " beside a 20% baseline of 1.0.0, judged" : ", analysis")
              + ", 50%, promote");
      long t1 = System.nanoTime();
      JsonNode v2 = watch(out, api, deploy(api, "sample-2-0-0", environment));
      double v2Seconds = seconds(t1);
      out.printf("   %s in %.1f s%n", v2.path("phase").asText(), v2Seconds);
      DemoReplay replay = DemoReplay.of(api, v2);

      step.next(
          "Canary sample 3.0.0 (fails 30% of requests): its "
              + (judged ? "judge fails it against the baseline" : "analysis fails")
              + ", it rolls back");
      DemoLoad.Window before = load.window();
      long t2 = System.nanoTime();
      JsonNode v3 = watch(out, api, deploy(api, "sample-3-0-0", environment));
      double v3Seconds = seconds(t2);
      DemoLoad.Window during = load.window().since(before);
      out.printf(
          "   %s in %.1f s: %s%n",
          v3.path("phase").asText(), v3Seconds, v3.path("reason").asText());
      Thread.sleep(2_000);
      DemoLoad.Window after = load.window().since(before).since(during);

      step.next("Summary");
      DemoLoad.Window all = load.window();
      out.printf("   v1 first deployment      %5.1f s%n", v1Seconds);
      out.printf("   v2 canary, promoted      %5.1f s%n", v2Seconds);
      out.printf("   v3 canary, rolled back   %5.1f s%n", v3Seconds);
      if (judged) {
        out.printf("   judge: v2 %s; v3 %s%n", score(v2), score(v3));
      }
      webhook.awaitPhase(v3.path("id").asText(), v3.path("phase").asText(), Duration.ofSeconds(10));
      List<JsonNode> heard = webhook.received();
      out.printf(
          "   notifications: %d to the demo's webhook, one per transition (%d repeated); v3's: %s%n",
          heard.size(),
          webhook.repeats(),
          heard.stream()
              .filter(n -> n.path("rollout").path("id").asText().equals(v3.path("id").asText()))
              .map(n -> n.path("phase").asText())
              .toList());
      out.printf("   %s%n", DemoFigures.delivery(api, environment, "sample"));
      out.printf("   %s%n", replay.line());
      DemoEvidence evidence = auditor.check(api, v3);
      out.printf("   %s%n", evidence.line());
      out.printf(
          "   load: %d requests, %d errors (%.2f%%); during v3's canary %d requests, %d errors"
              + " (%.2f%%); in the 2 s after its rollback %d requests, %d errors%n",
          all.requests(),
          all.errors(),
          all.errorPercent(),
          during.requests(),
          during.errors(),
          during.errorPercent(),
          after.requests(),
          after.errors());
      out.printf(
          "   serving now: %s%n",
          api.api()
              .get("api/v1/rollouts/" + v3.path("id").asText())
              .orElseThrow()
              .path("stableRevision")
              .asText());
      return v2.path("phase").asText().equals("succeeded")
          && replay.same()
          && evidence.verified()
          && v3.path("phase").asText().equals("failed")
          && (!judged || judgedFail(v3))
          && during.errors() > 0
          && after.errors() == 0
          && after.requests() > 0;
    }
  }

  private static String score(JsonNode rollout) {
    JsonNode judgements = rollout.path("judgements");
    if (judgements.isEmpty()) {
      return "not judged";
    }
    JsonNode last = judgements.get(judgements.size() - 1);
    return String.format(
        "score %.0f, %s", last.path("score").asDouble(), last.path("verdict").asText());
  }

  private static boolean judgedFail(JsonNode rollout) {
    JsonNode judgements = rollout.path("judgements");
    return !judgements.isEmpty()
        && judgements.get(judgements.size() - 1).path("verdict").asText().equals("fail");
  }

  private static JsonNode deploy(RemoteBackend api, String release, String environment) {
    return ApiCalls.post(
        api,
        "api/v1/deployments",
        JsonNodeFactory.instance
            .objectNode()
            .put("release", release)
            .put("environment", environment));
  }

  /**
   * Follows the rollout's events, printing each change of phase, step or weight and each
   * measurement, until it ends and its target is settled.
   */
  private static JsonNode watch(PrintWriter out, RemoteBackend api, JsonNode started)
      throws Exception {
    String id = started.path("id").asText();
    out.printf("   rollout %s (plan %s)%n", id, started.path("plan").asText("-"));
    long t0 = System.nanoTime();
    List<JsonNode> last = new ArrayList<>();
    int[] measured = {0};
    int[] judged = {0};
    Map<String, String> baseline = new HashMap<>();
    String[] shown = {""};
    api.api().stream(
        "api/v1/rollouts/" + id + "/events",
        event -> {
          if (!event.event().equals("rollout")) {
            return false;
          }
          JsonNode rollout = parse(event.data());
          String now =
              rollout.path("phase").asText()
                  + " step "
                  + (rollout.path("step").asInt() + 1)
                  + "/"
                  + rollout.path("steps").asInt()
                  + " "
                  + rollout.path("stepName").asText()
                  + ", canary weight "
                  + rollout.path("weight").asInt()
                  + "%";
          if (!now.equals(shown[0])) {
            out.printf("   %5.1f s  %s%n", seconds(t0), now);
            shown[0] = now;
          }
          JsonNode measurements = rollout.path("measurements");
          for (int i = measured[0]; i < measurements.size(); i++) {
            JsonNode m = measurements.get(i);
            if (m.path("track").asText().equals("baseline")) {
              // Measured just before the canary's: shown beside it, on the canary's line.
              baseline.put(m.path("metric").asText(), value(m));
              continue;
            }
            String beside = baseline.remove(m.path("metric").asText());
            out.printf(
                "   %5.1f s    measured %s = %s%s: %s%n",
                seconds(t0),
                m.path("metric").asText(),
                value(m),
                beside == null ? "" : " (baseline " + beside + ")",
                m.path("verdict").asText());
          }
          measured[0] = measurements.size();
          JsonNode judgements = rollout.path("judgements");
          for (int i = judged[0]; i < judgements.size(); i++) {
            JsonNode j = judgements.get(i);
            out.printf(
                "   %5.1f s    judge: score %.0f, %s: %s%n",
                seconds(t0),
                j.path("score").asDouble(),
                j.path("verdict").asText(),
                j.path("summary").asText());
          }
          judged[0] = judgements.size();
          out.flush();
          last.clear();
          last.add(rollout);
          return true;
        });
    // The stream ends once the rollout has ended and its last commands have run.
    return last.isEmpty() ? started : last.get(0);
  }

  private static String value(JsonNode measurement) {
    return measurement.path("value").isNull()
        ? "no data"
        : String.format("%.3g", measurement.path("value").asDouble());
  }

  private static Path sampleJar(Path root) throws IOException {
    Path target = root.resolve("sextant-sample").resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("sextant-sample-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IOException("no sample service jar in " + target));
    }
  }

  private static Input input(String name, String text) {
    return new Input(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Numbers the demo's steps. */
  interface Step {
    void next(String title);
  }
}
