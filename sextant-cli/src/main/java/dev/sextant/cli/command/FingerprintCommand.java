package dev.sextant.cli.command;

import dev.sextant.agent.identity.AgentKeys;
import dev.sextant.agent.kubernetes.KubernetesClients;
import dev.sextant.agent.kubernetes.KubernetesDiscoveryException;
import dev.sextant.agent.kubernetes.KubernetesNodes;
import dev.sextant.agent.probe.Discovery;
import dev.sextant.agent.probe.ReachCheck;
import dev.sextant.agent.probe.StandardProbes;
import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.FingerprintVerifier;
import dev.sextant.core.fingerprint.Layer;
import dev.sextant.core.fingerprint.Verification;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.validation.Input;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "fingerprint",
    mixinStandardHelpOptions = true,
    description = {
      "Discover what this host really is: OS, kernel, CPU and its flags, memory, disks, GPUs,",
      "driver and highest CUDA, libc, Python and its wheel tags, Java, OS packages.",
      "",
      "A missing tool is a missing fact, never an error. With --verify, check a fingerprint",
      "file's signature instead (exit 0 when valid, 1 when not)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant fingerprint",
      "  sextant fingerprint -o json --sign > host.json",
      "  sextant fingerprint --verify host.json",
      "  sextant fingerprint --verify host.json --key agent.pub",
      "  sextant fingerprint --reach db=10.0.0.5:5432",
      "  sextant fingerprint --record prod-eu -f fingerprints/h100.yaml",
      "  sextant fingerprint --kubernetes --context prod-us -l nvidia.com/gpu.present=true"
    })
public final class FingerprintCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin OutputOptions output;

  @Option(
      names = "--environment",
      paramLabel = "NAME",
      description = "The environment this host belongs to, recorded in the fingerprint.")
  String environment;

  @Option(
      names = "--sign",
      description =
          "Sign with this host's agent key (created in $SEXTANT_HOME/agent on first use).")
  boolean sign;

  @Option(
      names = "--verify",
      paramLabel = "FILE",
      description = "Verify the signature of a fingerprint file instead of probing.")
  Path verify;

  @Option(
      names = "--key",
      paramLabel = "PUBLIC_KEY_FILE",
      description =
          "A trusted public key (PEM or base64) for --verify. Repeatable. Default: this host's agent key.")
  List<Path> keys = new ArrayList<>();

  @Option(
      names = "--record",
      paramLabel = "ENVIRONMENT",
      description =
          "Record the fingerprint (this host's, or the file given with -f) for a declared environment, in the local store or on --server.")
  String record;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE",
      description =
          "With --record: a fingerprint file (JSON or YAML with a top-level facts map) instead of this host.")
  Path file;

  @Mixin BackendOptions backend;

  @Option(
      names = "--kubernetes",
      description =
          "Fingerprint the nodes of a Kubernetes cluster from their Node Feature Discovery and GPU Feature Discovery labels and status, one fingerprint per node.")
  boolean kubernetes;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "With --kubernetes: the kubeconfig (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "With --kubernetes: the kubeconfig context (default: its current one).")
  String kubeContext;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "With --kubernetes: only nodes matching this label selector.")
  String selector;

  @Option(
      names = "--reach",
      paramLabel = "NAME=HOST:PORT",
      description =
          "Check that HOST:PORT accepts TCP connections, as fact network.reach.NAME. Repeatable.")
  List<String> reach = new ArrayList<>();

  private static final java.util.regex.Pattern REACH =
      java.util.regex.Pattern.compile("([a-z0-9_]+)=([^\\s:]+|\\[[0-9a-fA-F:]+\\]):([0-9]{1,5})");

  @Override
  public Integer call() {
    if (file != null && record == null) {
      throw CliException.invalid(
          "-f names a fingerprint to record: add --record ENVIRONMENT (or use --verify FILE)");
    }
    if (kubernetes) {
      if (record != null || verify != null) {
        throw CliException.invalid(
            "--kubernetes prints node fingerprints; it does not combine with --record or --verify");
      }
      return nodes();
    }
    if (record != null) {
      return record();
    }
    return verify != null ? verify() : discover();
  }

  private int nodes() {
    var context = root.context();
    LabelSelector filter;
    try {
      filter = selector == null ? LabelSelector.EVERYTHING : LabelSelector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid("--selector: " + e.getMessage());
    }
    java.util.SortedMap<String, java.util.SortedMap<String, Fact>> nodes;
    try (var client =
        kubeconfig != null
            ? KubernetesClients.fromKubeconfig(
                kubeconfig, java.util.Optional.ofNullable(kubeContext))
            : KubernetesClients.fromDefaultConfig()) {
      nodes = new KubernetesNodes(client).read(filter);
    } catch (KubernetesDiscoveryException e) {
      throw e.retryable()
          ? CliException.unavailable(e.getMessage(), e)
          : CliException.invalid(e.getMessage());
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    if (output.format() != Format.TABLE) {
      var items = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      nodes.forEach(
          (node, facts) ->
              items.set(node, FingerprintFiles.tree(Fingerprint.of(facts).collectedAt(now))));
      Printer.print(context.out(), output.format(), items);
      return 0;
    }
    if (nodes.isEmpty()) {
      context.err().println("No nodes found.");
    }
    nodes.forEach(
        (node, facts) -> {
          context.out().printf("Node %s%n", node);
          printTable(context.out(), Fingerprint.of(facts).collectedAt(now));
          context.out().println();
        });
    return 0;
  }

  private int record() {
    var context = root.context();
    Input input;
    if (file != null) {
      input = new ResourceFiles(Limits.DEFAULT, System.in).read(List.of(file.toString())).get(0);
    } else {
      Fingerprint probed =
          Fingerprint.of(StandardProbes.discoverThisHost(reachChecks()).facts())
              .collectedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
      if (sign) {
        probed =
            new FingerprintSigner(AgentKeys.loadOrCreate(BackendOptions.home(context)))
                .sign(probed.describing(record));
      }
      input =
          new Input(
              "this host",
              FingerprintFiles.json(probed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try (Backend store = backend.open(context)) {
      var outcome = store.recordFingerprint(record, input, Authors.current(context));
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), outcome);
      } else {
        context
            .out()
            .printf(
                "%s: fingerprint revision %d %s (%s)%n",
                record,
                outcome.path("revision").asLong(),
                outcome.path("change").asText(),
                outcome.path("digest").asText());
      }
    }
    return 0;
  }

  private int discover() {
    var context = root.context();
    Discovery found = StandardProbes.discoverThisHost(reachChecks());
    Fingerprint fingerprint =
        Fingerprint.of(found.facts()).collectedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    if (environment != null) {
      fingerprint = fingerprint.describing(environment);
    }
    if (sign) {
      KeyPair keys = AgentKeys.loadOrCreate(BackendOptions.home(context));
      fingerprint = new FingerprintSigner(keys).sign(fingerprint);
    }
    found.warnings().forEach(w -> context.err().println("warning: " + w));
    if (output.format() != Format.TABLE) {
      Printer.print(context.out(), output.format(), FingerprintFiles.tree(fingerprint));
      return 0;
    }
    printTable(context.out(), fingerprint);
    context.out().printf("%nProbed in %d ms.%n", found.elapsed().toMillis());
    return 0;
  }

  private List<ReachCheck> reachChecks() {
    List<ReachCheck> checks = new ArrayList<>();
    for (String spec : reach) {
      java.util.regex.Matcher m = REACH.matcher(spec);
      if (!m.matches()) {
        throw CliException.invalid(
            "--reach \"" + spec + "\": expected NAME=HOST:PORT, e.g. db=10.0.0.5:5432");
      }
      int port = Integer.parseInt(m.group(3));
      if (port < 1 || port > 65535) {
        throw CliException.invalid(
            "--reach \"" + spec + "\": the port must be between 1 and 65535");
      }
      checks.add(new ReachCheck(m.group(1), m.group(2), port, java.time.Duration.ofSeconds(2)));
    }
    return checks;
  }

  static void printTable(PrintWriter out, Fingerprint fingerprint) {
    Table table = new Table("LAYER", "FACT", "TYPE", "VALUE");
    for (Layer layer : Layer.values()) {
      int packages = 0;
      for (Map.Entry<String, Fact> entry : fingerprint.layer(layer).entrySet()) {
        // Hundreds of OS packages would bury the facts people look for; -o json lists them all.
        if (entry.getKey().startsWith("packages.")) {
          packages++;
        } else {
          table.row(
              layer.word(), entry.getKey(), entry.getValue().type(), entry.getValue().display());
        }
      }
      if (packages > 0) {
        table.row(
            layer.word(),
            "packages.*",
            "version",
            packages + " installed packages (-o json lists them)");
      }
    }
    table.print(out);
    var digests = fingerprint.digests();
    out.println();
    out.printf("Fingerprint:     %s%n", digests.whole());
    for (Layer layer : Layer.values()) {
      out.printf("  %-15s%s%n", layer.word() + ":", digests.layer(layer));
    }
    fingerprint.signature().ifPresent(s -> out.printf("Signed by key: %s%n", s.keyId()));
  }

  private int verify() {
    var context = root.context();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(verify);
    } catch (IOException e) {
      throw CliException.invalid(verify + ": cannot read: " + e.getMessage());
    }
    Fingerprint fingerprint = FingerprintFiles.parse(verify.toString(), bytes);
    Verification result = FingerprintVerifier.trusting(trustedKeys()).verify(fingerprint);
    if (result.isValid()) {
      context
          .out()
          .printf(
              "%s: valid signature by key %s (fingerprint %s)%n",
              verify, result.keyId().orElse("?"), fingerprint.digests().whole());
      return 0;
    }
    context.err().printf("%s: %s%n", verify, result.message());
    return 1;
  }

  private List<PublicKey> trustedKeys() {
    List<PublicKey> trusted = TrustedKeys.read(keys);
    if (trusted.isEmpty()) {
      AgentKeys.find(BackendOptions.home(root.context()))
          .ifPresent(pair -> trusted.add(pair.getPublic()));
    }
    return trusted;
  }
}
