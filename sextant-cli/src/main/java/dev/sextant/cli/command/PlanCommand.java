package dev.sextant.cli.command;

import dev.sextant.agent.executor.LocalCheckExecutor;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.input.ResourceFiles;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.PlanView;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.RulesView;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.Limits;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.plan.CheckExecutor;
import dev.sextant.core.plan.FactOverride;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.PlanInputException;
import dev.sextant.core.plan.PlanJson;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.Target;
import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.policy.PolicyRequest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.Problem;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.store.Revision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    subcommands = {PlanSubmitCommand.class, PlanShowCommand.class},
    description = {
      "Decide where releases may run, and explain why. For every release and",
      "environment: the verdict (compatible, incompatible, blocked, denied by a policy,",
      "needs-approval by a policy), each policy's outcome, the chosen variant, every",
      "requirement with what it required, what was observed and the rule it",
      "applies, the tiers that were skipped, the parameters derived from facts,",
      "and the rollout order",
      "(providers before their consumers).",
      "",
      "Variants are tried in order. The first that passes tier 0 (static: pinned",
      "artifact, trusted facts, no blocking drift), tier 1 (facts) and tier 2",
      "(deep checks: only with --deep, and only where a command can run, i.e. this",
      "host) is chosen; the plan says why each earlier one was rejected.",
      "",
      "Environments come from fingerprint files (--fingerprint: no store or server",
      "needed), from this host (--here), or from the store (--environment, -l),",
      "each with its latest fingerprint, or its declared facts when none was",
      "recorded.",
      "",
      "Policies come from -f files and, with a store, the stored Policies; each",
      "applies where its selector matches the environment's labels or where the",
      "Environment names it in `policies:`. A rule that fails at run time denies.",
      "",
      "The plan has a digest: the same inputs give the same plan, byte for byte",
      "in -o json.",
      "",
      "Exit codes: 0 every release fits every environment; 3 some do not",
      "(incompatible, blocked, denied or needing approval); 1 bad input; 2 bad usage;",
      "4 unknown environment.",
      "",
      "'sextant plan submit' makes the plan on the server and keeps it, as a request to",
      "deploy: a plan a policy holds for approval waits for 'sextant approve'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant plan -f examples/releases/fraud-detector-1.4.0.yaml \\",
      "      --fingerprint fingerprints/h100.yaml --fingerprint fingerprints/t4.yaml",
      "  sextant plan -f release.yaml --here --deep",
      "  sextant plan -f examples/releases/ --environment prod-eu -o json",
      "  sextant plan -f release.yaml -l tier=prod --server http://localhost:7070",
      "  sextant plan --rules",
      "  sextant plan submit payments-api-2.4.0 --environment prod-us",
      "  sextant plan show plan-3",
      "",
      "Validator plug-ins: jars in $SEXTANT_HOME/plugins (or $SEXTANT_PLUGINS) are",
      "loaded with ServiceLoader; see the README, \"Writing a validator\"."
    })
public final class PlanCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin OutputOptions output;
  @Mixin BackendOptions backend;
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR|-",
      description =
          "Release and Policy files: a file, a directory (searched recursively) or - for standard input. Repeatable. Resources of other kinds are ignored.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--fingerprint",
      paramLabel = "FILE|DIR",
      description =
          "Plan against a fingerprint file (JSON or YAML with a top-level facts map), or every .yaml, .yml and .json file of a directory (searched recursively). Repeatable. Needs no store.")
  List<Path> fingerprints = new ArrayList<>();

  @Option(
      names = "--environment",
      paramLabel = "NAME",
      description = "Plan against a stored Environment. Repeatable.")
  List<String> environments = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description =
          "Plan against every stored Environment matching this label selector, e.g. tier=prod.")
  String selector;

  @Option(names = "--here", description = "Plan against this host, probed now.")
  boolean here;

  @Option(
      names = "--deep",
      description =
          "Run tier 2's deep checks (each variant's `checks`) where a command can run: this host, with --here.")
  boolean deep;

  @Option(
      names = "--key",
      paramLabel = "PUBLIC_KEY_FILE",
      description =
          "Trust fingerprint files signed by this key (PEM or base64). Repeatable. With keys, an unsigned or badly signed file blocks its environment.")
  List<Path> keys = new ArrayList<>();

  @Option(
      names = "--what-if",
      paramLabel = "KEY=VALUE",
      converter = FactOverrideConverter.class,
      description =
          "Plan as if this fact had this value (repeatable; typed as the fact is, e.g. gpu.driver.version=575.57.08, memory.total=512Gi, cpu.flags=avx2,fma), where an environment has the fact; facts derived from it (cuda.driver.max) follow. Shows what changes against today's plan. Without -f, plans every Release in the store. Exit 3 when a release that fits today would not, or would fall back.")
  List<FactOverride> whatIf = new ArrayList<>();

  @Option(
      names = "--rules",
      description =
          "List the validators (built in and plug-ins) that requirements can name with `rule:`, each with its arguments and an example, and exit.")
  boolean rules;

  @Override
  public Integer call() {
    var context = root.context();
    Validators validators = Plugins.validators(context);
    if (rules) {
      RulesView.print(context.out(), output.format(), validators.all());
      return ExitCode.OK;
    }
    if (files.isEmpty() && whatIf.isEmpty()) {
      throw CliException.invalid("say what to plan: -f RELEASE_FILE (see sextant plan --help)");
    }
    if (deep && !whatIf.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--deep runs checks on hosts as they are, not as --what-if supposes them; give one or the other");
    }
    boolean stored = !environments.isEmpty() || selector != null;
    if (fingerprints.isEmpty() && !here && !stored) {
      throw CliException.invalid(
          "say where to plan: --fingerprint FILE|DIR, --here, --environment NAME or -l SELECTOR");
    }
    ParseReport report =
        new ResourceParser(Limits.DEFAULT, validators)
            .parseAll(new ResourceFiles(Limits.DEFAULT, System.in).read(files));
    report.warnings().forEach(w -> context.err().println("warning: " + w.format()));
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    List<Resource> releases =
        report.resources().stream().filter(r -> r.kind() == Kind.RELEASE).toList();
    if (releases.isEmpty() && !files.isEmpty()) {
      throw CliException.invalid(
          "no Release in " + String.join(", ", files) + "; plan needs at least one");
    }
    List<PublicKey> trusted = TrustedKeys.read(keys);
    List<Target> targets = new ArrayList<>();
    targets.addAll(PlanTargets.files(fingerprints, trusted, context.err()));
    if (here) {
      targets.add(PlanTargets.thisHost());
    }
    List<Resource> inPlace = List.of();
    List<Resource> policies = new ArrayList<>();
    List<Resource> storedEnvironments = List.of();
    dev.sextant.core.provenance.TrustedKeys trustedKeys =
        dev.sextant.core.provenance.TrustedKeys.none();
    if (stored || files.isEmpty()) {
      try (Backend store = backend.open(context)) {
        trustedKeys = ApiCalls.call(store::trustedKeys);
        if (stored) {
          targets.addAll(PlanTargets.stored(store, environments, Optional.ofNullable(selector)));
        }
        // Stored first: a Policy given with -f replaces the stored one of its name.
        policies.addAll(valid(inStore(store, validators, Kind.POLICY)));
        storedEnvironments = valid(inStore(store, validators, Kind.ENVIRONMENT));
        ParseReport inStore = inStore(store, validators, Kind.RELEASE);
        inPlace = inStore.resources();
        if (files.isEmpty()) {
          // A Release stored before today's checks is named, not left out of the plan.
          if (!inStore.ok()) {
            throw new InvalidInputException(inStore.problems());
          }
          report = inStore;
          releases = inPlace;
        }
      }
    }
    if (releases.isEmpty()) {
      throw CliException.invalid(
          "the store holds no Release to plan; apply one, or give release files with -f");
    }
    checkUniqueNames(targets);
    CheckExecutor executor = deep ? new LocalCheckExecutor() : CheckExecutor.NONE;
    if (deep && targets.stream().noneMatch(executor::reaches)) {
      context
          .err()
          .println(
              "warning: --deep runs checks only where a command can run (this host, with --here);"
                  + " tier 2 is skipped for every environment of this plan");
    }
    policies.addAll(report.resources().stream().filter(r -> r.kind() == Kind.POLICY).toList());
    PolicyContext governance =
        PolicyContext.of(
                policies,
                storedEnvironments,
                new PolicyRequest(Authors.current(root.context()), "plan", Instant.now()))
            .trusting(trustedKeys);
    Planner planner = new Planner(validators, executor, deep);
    Plan plan;
    try {
      plan = planner.plan(releases, targets, inPlace, governance);
    } catch (PlanInputException e) {
      throw problems(report, e);
    }
    if (!whatIf.isEmpty()) {
      return new PlanWhatIf(spec, context.out(), output.format())
          .run(planner, plan, releases, targets, inPlace, governance, whatIf);
    }
    if (output.format() == Format.TABLE) {
      PlanView.print(context.out(), plan);
    } else {
      Printer.print(context.out(), output.format(), PlanJson.write(plan));
    }
    return plan.allCompatible() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
  }

  /**
   * Each issue at its release's file, line and column; an issue of the whole set (a dependency
   * cycle) has no single place, so it is said plainly.
   */
  private static RuntimeException problems(ParseReport report, PlanInputException e) {
    List<Problem> problems = new ArrayList<>();
    for (PlanInputException.Issue issue : e.issues()) {
      if (issue.release().isEmpty()) {
        return CliException.invalid(issue.message());
      }
      problems.add(report.problem(issue.release().get(), issue.field(), issue.message()));
    }
    return new InvalidInputException(problems);
  }

  /**
   * The stored resources of a kind, all of them: a stored Policy that no longer validates would
   * otherwise be left out of the plan silently, and a rule left out never denies.
   */
  private static List<Resource> valid(ParseReport report) {
    if (!report.ok()) {
      throw new InvalidInputException(report.problems());
    }
    return report.resources();
  }

  /** Every resource of a kind in the store, with its documents, so that a problem has a place. */
  private static ParseReport inStore(Backend store, Validators validators, Kind kind) {
    List<Resource> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<ResourceKey, SourceDocument> documents = new HashMap<>();
    ResourceParser parser = new ResourceParser(Limits.DEFAULT, validators);
    for (Revision revision : store.list(Optional.of(kind), "")) {
      ParseReport parsed =
          parser.parse(
              "store:" + revision.key(),
              revision.document().toString().getBytes(StandardCharsets.UTF_8));
      out.addAll(parsed.resources());
      problems.addAll(parsed.problems());
      documents.putAll(parsed.documents());
    }
    return new ParseReport(out, problems, List.of(), documents);
  }

  private static void checkUniqueNames(List<Target> targets) {
    Set<String> seen = new HashSet<>();
    for (Target t : targets) {
      if (!seen.add(t.environment())) {
        throw CliException.invalid(
            "two environments are named "
                + t.environment()
                + "; fingerprint files are named by their `environment` field, or else by their file name");
      }
    }
  }
}
