package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.agent.probe.StandardProbes;
import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.cli.output.Table;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.validation.Input;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.PrometheusSetting;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoreLocation;
import dev.sextant.server.targets.local.prometheus.PrometheusException;
import dev.sextant.server.targets.local.prometheus.PrometheusInstallation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show what Sextant does today, on a throwaway store. It validates the examples, starts a",
      "server, applies them through the API, re-applies (unchanged), changes one field (a second",
      "revision with a new digest), reads the first revision back exactly, lists by label,",
      "fingerprints this host, detects drift on an example GPU host, then plans the example",
      "releases on example fingerprints, on the stored environments (under the stored policies)",
      "and on this host, and asks",
      "the dependency graph what an incompatible API would break. Last, two identities with",
      "tokens of their own ask for a deployment and approve it: a denied release is refused,",
      "one a policy holds waits, its requester cannot approve it, and an approver can.",
      "Then it deploys for real on this host, behind HAProxy (installed from Debian's packages",
      "when missing and run as root): the sample service's 1.0.0, then a canary of 2.0.0 that",
      "its analysis passes and that is promoted, then a canary of 3.0.0 that fails a third of",
      "its requests, which its analysis fails and which is rolled back on its own, while a",
      "load generator counts the errors clients see. Exit 0 when the story went as told.",
      "Leaves nothing running and nothing behind unless --keep is given."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant demo",
      "  sextant demo --keep        keep the server up and print its URL"
    })
public final class DemoCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;

  @Option(
      names = "--examples",
      paramLabel = "DIR",
      description = "The resources to use (default: the project's examples/).")
  Path examples;

  @Option(names = "--keep", description = "Keep the server (and its store) running until Ctrl-C.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = root.context().out();
    long started = System.nanoTime();
    Path directory = examples != null ? examples : defaultExamples();
    List<Input> inputs =
        new ResourceFiles(Limits.DEFAULT, java.io.InputStream.nullInputStream())
            .read(List.of(directory.toString()));

    step(out, 1, "Validate " + directory + " (no store involved)");
    ParseReport report = new ResourceParser(Limits.DEFAULT).parseAll(inputs);
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    Map<String, Long> byKind =
        report.resources().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.kind().displayName(), TreeMap::new, Collectors.counting()));
    out.printf(
        "   %d resources in %d files are valid: %s%n",
        report.resources().size(),
        inputs.size(),
        byKind.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", ")));

    Path home = Files.createTempDirectory("sextant-demo-");
    StoreLocation store = new StoreLocation.Embedded(home);
    // With a Prometheus (found, or installed from Debian's packages), canaries are judged against
    // a baseline on its numbers; without, the demo goes on with scraped errors.
    boolean judged = prometheusFound();
    ServerConfig config =
        ServerConfig.onLoopback(store)
            .withPrometheus(judged ? PrometheusSetting.LOCAL : PrometheusSetting.NONE);
    SextantServer server = SextantServer.start(config);
    String serverUrl = "http://127.0.0.1:" + server.port();
    try {
      step(out, 2, "Start a server on a fresh embedded store: " + serverUrl);
      out.printf("   store: %s%n", store.display());
      // The server made its first admin with the store; the demo acts as it, never showing it.
      RemoteBackend api = new RemoteBackend(serverUrl, server.firstAdminToken());

      step(out, 3, "Apply the examples through the API");
      List<ApplyOutcome> first = api.apply(inputs, "demo");
      out.printf("   %s%n", summary(first));

      step(out, 4, "Apply the same files again: identical digests, no new revisions");
      out.printf("   %s%n", summary(api.apply(inputs, "demo")));

      Resource edited =
          report.resources().stream()
              .filter(r -> r.kind() == Kind.ENVIRONMENT)
              .findFirst()
              .orElseThrow(() -> CliException.invalid("the examples hold no Environment to edit"));
      ObjectNode document = edited.document();
      ((ObjectNode) document.with("metadata").with("labels"))
          .put("demo.sextant.dev/edited", "true");
      step(out, 5, "Change one field of " + edited.key() + " (add a label) and apply it");
      List<ApplyOutcome> second =
          api.apply(
              List.of(new Input(edited.name() + " (edited)", CanonicalJson.bytes(document))),
              "demo");
      out.printf("   %s%n", summary(second));

      step(out, 6, "History of " + edited.key());
      List<Revision> history = api.history(edited.key());
      Table table = new Table("   REVISION", "DIGEST", "APPLIED BY");
      history.forEach(r -> table.row("   " + r.number(), r.digest().value(), r.author()));
      table.print(out);

      step(out, 7, "Read revision 1 back: it is exactly what was applied first");
      Revision one = api.revision(edited.key(), 1).orElseThrow();
      boolean exact =
          one.document().equals(edited.document()) && one.digest().equals(edited.digest());
      out.printf(
          "   revision 1 digest %s, same document as the file: %s%n",
          one.digest().shortHex(), exact ? "yes" : "NO");

      step(out, 8, "List production environments by label (tier=prod)");
      List<Revision> prod = api.list(Optional.of(Kind.ENVIRONMENT), "tier=prod");
      prod.forEach(r -> out.printf("   %s (revision %d)%n", r.key(), r.number()));

      step(out, 9, "Fingerprint this host and record it as environment dev");
      long probeStart = System.nanoTime();
      Fingerprint host =
          Fingerprint.of(StandardProbes.discoverThisHost(List.of()).facts())
              .collectedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
      long probeMillis = (System.nanoTime() - probeStart) / 1_000_000;
      for (String key :
          List.of(
              "os.id",
              "os.version",
              "kernel.version",
              "cpu.arch",
              "cpu.model",
              "memory.total",
              "libc.version",
              "python.version",
              "java.version",
              "gpu.count",
              "gpu[0].model",
              "gpu.driver.version",
              "cuda.driver.max")) {
        host.fact(key).ifPresent(f -> out.printf("   %-20s %s%n", key, f.display()));
      }
      host.fact("cpu.flags")
          .ifPresent(
              f ->
                  out.printf(
                      "   %-20s %d flags%s%n",
                      "cpu.flags",
                      ((dev.sextant.core.fingerprint.Fact.Set) f).values().size(),
                      ((dev.sextant.core.fingerprint.Fact.Set) f).values().contains("avx2")
                          ? ", avx2 among them"
                          : ", no avx2"));
      host.fact("python.tags")
          .ifPresent(f -> out.printf("   %-20s %s%n", "python.tags", f.display()));
      if (host.fact("gpu.count").isEmpty()) {
        out.printf("   %-20s none (no nvidia-smi)%n", "gpu");
      }
      out.printf(
          "   %d facts, probed in %d ms; fingerprint %s%n",
          host.facts().size(), probeMillis, host.digests().whole().shortHex());
      JsonNode recorded =
          api.recordFingerprint(
              "dev",
              new Input(
                  "this host",
                  FingerprintFiles.json(host).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              "demo");
      out.printf("   recorded: dev fingerprint revision %d%n", recorded.path("revision").asLong());

      Path fingerprints = directory.toAbsolutePath().normalize().resolveSibling("fingerprints");
      step(
          out, 10, "Drift on prod-eu: an H100 host, accepted as good, then its driver is upgraded");
      api.recordFingerprint("prod-eu", input(fingerprints.resolve("h100.yaml")), "demo");
      api.acceptFingerprint("prod-eu", "demo");
      api.recordFingerprint("prod-eu", input(fingerprints.resolve("h100-new-driver.yaml")), "demo");
      JsonNode drift = api.drift("prod-eu");
      for (JsonNode change : drift.at("/sinceLastKnownGood/changes")) {
        out.printf(
            "   %-20s %s -> %s (%s layer)%n",
            change.path("key").asText(),
            change.at("/expected/value").asText(),
            change.at("/actual/value").asText(),
            change.path("layer").asText());
      }
      out.printf(
          "   prod-eu says drift: %s, so new deployments are %s%n",
          drift.path("action").asText(),
          drift.path("blocked").asBoolean() ? "blocked until it is resolved" : "allowed");

      List<Resource> releases =
          report.resources().stream().filter(r -> r.kind() == Kind.RELEASE).toList();
      boolean identical = DemoPlans.run(out, api, releases, fingerprints, host, root.context());

      step(out, 17, "Four eyes: alice asks to deploy to prod-us; someone else must approve");
      boolean fourEyes = DemoFourEyes.run(out, serverUrl, api, releases);

      int[] number = {17};
      boolean deployed =
          DemoDeploy.run(
              out,
              api,
              projectRoot(),
              "dev",
              title -> step(out, ++number[0], title),
              judged,
              new DemoEvidence.Auditor(
                  LedgerKey.publicFile(SextantServer.ledgerKeyFile(config)), home));

      out.printf(
          "%nDone in %d ms: %d resources stored, %d revisions in all.%n",
          (System.nanoTime() - started) / 1_000_000, first.size(), first.size() + 1);
      if (keep) {
        out.printf(
            "The server is still running at %s (data in %s). Press Ctrl-C to stop it.%n",
            serverUrl, home);
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
        forever.await();
      }
      return exact && identical && fourEyes && deployed ? 0 : 1;
    } finally {
      server.close();
      if (!keep) {
        deleteTree(home);
      }
    }
  }

  /** The project's checkout: where the examples are and the sample service's jar was built. */
  private static boolean prometheusFound() {
    try {
      PrometheusInstallation.binary();
      return true;
    } catch (PrometheusException e) {
      return false;
    }
  }

  private Path projectRoot() {
    String projectRoot = root.context().env().get("SEXTANT_ROOT");
    return projectRoot != null ? Path.of(projectRoot) : Path.of(".");
  }

  private Path defaultExamples() {
    Path candidate = projectRoot().resolve("examples");
    if (!Files.isDirectory(candidate)) {
      throw CliException.invalid(
          "cannot find the examples directory at " + candidate + "; pass --examples DIR");
    }
    return candidate;
  }

  private static Input input(Path file) throws IOException {
    return new Input(file.getFileName().toString(), Files.readAllBytes(file));
  }

  private static String summary(List<ApplyOutcome> outcomes) {
    Map<String, Long> counts =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(o -> o.change().word(), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "))
        + outcomes.stream()
            .filter(o -> o.change() != ApplyOutcome.Change.UNCHANGED)
            .findFirst()
            .map(
                o ->
                    " (e.g. "
                        + o.revision().key()
                        + " revision "
                        + o.revision().number()
                        + ", "
                        + o.revision().digest().shortHex()
                        + ")")
            .orElse("");
  }

  static void step(PrintWriter out, int number, String title) {
    out.printf("%n%d. %s%n", number, title);
    out.flush();
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
