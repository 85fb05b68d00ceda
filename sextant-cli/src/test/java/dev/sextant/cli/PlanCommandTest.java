package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sextant plan}: against fingerprint files with no store, and against stored environments.
 */
class PlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELEASE = "../examples/releases/fraud-detector-1.4.0.yaml";
  private static final String H100 = "../fingerprints/h100.yaml";
  private static final String T4 = "../fingerprints/t4.yaml";
  private static final String ARM = "../fingerprints/graviton-arm.yaml";

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void every_environment_compatible_exits_0_and_the_table_shows_variant_and_fallback_reason() {
    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", RELEASE, "--fingerprint", H100, "--fingerprint", T4);

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("fraud-detector", "prod-eu", "prod-us", "compatible", "gpu", "cpu", "fallback");
    assertThat(result.out()).contains("cuda", "12.4", "535.104.05");
    assertThat(result.out()).contains("batchSize");
    assertThat(result.err()).isEmpty();
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void an_incompatible_environment_exits_3_naming_fact_required_and_observed() {
    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", RELEASE, "--fingerprint", H100, "--fingerprint", ARM);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(result.out())
        .contains("graviton-arm", "incompatible", "cpu.arch", "aarch64", "x86_64", "avx2");
  }

  @Test
  void json_plans_are_byte_identical_across_runs_and_carry_their_digest() throws Exception {
    String[] args = {
      "plan",
      "-f",
      RELEASE,
      "--fingerprint",
      H100,
      "--fingerprint",
      T4,
      "--fingerprint",
      ARM,
      "-o",
      "json"
    };
    Cli.Result first = Cli.withHome(home).run(args);
    Cli.Result second = Cli.withHome(home).run(args);

    assertThat(second.out()).isEqualTo(first.out());
    JsonNode plan = JSON.readTree(first.out());
    assertThat(plan.get("kind").asText()).isEqualTo("Plan");
    assertThat(plan.get("digest").asText()).startsWith("sha256:");
    assertThat(plan.at("/summary/compatible").asInt()).isEqualTo(2);
    assertThat(plan.at("/summary/incompatible").asInt()).isEqualTo(1);
    JsonNode targets = plan.at("/releases/0/targets");
    assertThat(targets).hasSize(3);
    assertThat(targets.findValuesAsText("verdict"))
        .containsExactly("incompatible", "compatible", "compatible");
    assertThat(targets.get(0).get("environment").asText()).isEqualTo("graviton-arm");
  }

  @Test
  void a_fingerprint_directory_plans_against_every_fingerprint_file_in_it() throws Exception {
    Path fleet = Files.createDirectories(files.resolve("fleet/gpu"));
    Files.copy(Path.of(H100), fleet.resolve("h100.yaml"));
    Files.copy(Path.of(T4), fleet.resolve("t4.yml"));
    Files.copy(Path.of(ARM), files.resolve("fleet/graviton-arm.yaml"));
    Files.writeString(files.resolve("fleet/README.md"), "# not a fingerprint");

    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                RELEASE,
                "--fingerprint",
                files.resolve("fleet").toString(),
                "-o",
                "json");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    JsonNode plan = JSON.readTree(result.out());
    assertThat(plan.get("environments").findValuesAsText("name"))
        .containsExactlyInAnyOrder("prod-eu", "prod-us", "graviton-arm");
  }

  @Test
  void two_fingerprint_files_of_one_environment_are_refused_naming_both() {
    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", RELEASE, "--fingerprint", "../fingerprints");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("h100-new-driver.yaml", "h100.yaml", "prod-eu")
        .doesNotContain("Exception");
  }

  @Test
  void a_fingerprint_directory_without_fingerprint_files_is_refused() throws Exception {
    Path empty = Files.createDirectories(files.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "nothing here");

    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", RELEASE, "--fingerprint", empty.toString());

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains(empty.toString(), "no .yaml, .yml or .json files");
  }

  @Test
  void a_requirement_that_cannot_be_used_is_bad_input_at_its_line_and_column() throws Exception {
    String release =
        Files.readString(Path.of(RELEASE))
            .replace("toolkit: \"12.4\"", "toolkit: \"12.4\"\n            headrom: 4Gi");
    Path file = Files.writeString(files.resolve("release.yaml"), release);

    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", file.toString(), "--fingerprint", H100);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    int line = release.lines().toList().indexOf("            headrom: 4Gi") + 1;
    assertThat(result.err())
        .contains(file + ":" + line + ":")
        .contains("headrom")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void nothing_to_plan_against_is_a_usage_error_that_says_what_to_give() {
    Cli.Result result = Cli.withHome(home).run("plan", "-f", RELEASE);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("--fingerprint", "--environment");
  }

  @Test
  void a_dependency_cycle_is_bad_input_naming_every_service_without_a_made_up_position()
      throws Exception {
    StringBuilder yaml = new StringBuilder();
    String[][] edges = {{"alpha", "beta"}, {"beta", "alpha"}};
    for (String[] edge : edges) {
      yaml.append(
          """
          apiVersion: sextant.dev/v1
          kind: Release
          metadata: {name: %1$s-1-0-0}
          spec:
            service: %1$s
            version: 1.0.0
            api: {version: 1.0.0}
            dependencies:
              - {service: %2$s, api: ^1.0.0}
            variants:
              - name: default
                artifact: {image: "registry.example/%1$s@sha256:%3$s"}
          ---
          """
              .formatted(edge[0], edge[1], "a".repeat(64)));
    }
    Path file = Files.writeString(files.resolve("cycle.yaml"), yaml.toString());

    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", file.toString(), "--fingerprint", H100);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .startsWith("error: dependency cycle: alpha → beta → alpha")
        .doesNotContain("plan:1:1");
  }

  @Test
  void the_rules_are_listed_for_machines_too() throws Exception {
    JsonNode rules = JSON.readTree(Cli.withHome(home).run("plan", "--rules", "-o", "json").out());

    assertThat(rules.findValuesAsText("rule"))
        .contains("cuda", "computeCapability", "wheel", "cpu", "python");
    assertThat(rules.get(0).get("source").asText()).isNotBlank();
    JsonNode gpuMemory =
        rules.findParents("rule").stream()
            .filter(r -> r.get("rule").asText().equals("gpuMemory"))
            .findFirst()
            .orElseThrow();
    assertThat(gpuMemory.get("arguments").findValuesAsText("name"))
        .containsExactly("footprint", "headroom", "gpus");
    assertThat(gpuMemory.at("/arguments/0/required").asBoolean()).isTrue();
    assertThat(gpuMemory.at("/arguments/1/default").asText()).isEqualTo("0");
    assertThat(gpuMemory.get("example").asText()).isEqualTo("{footprint: 14Gi, headroom: 4Gi}");
  }

  @Test
  void the_rules_list_each_arguments_type_whether_it_is_required_or_its_default_and_an_example() {
    Cli.Result result = Cli.withHome(home).run("plan", "--rules");

    assertThat(result.code()).as(result.toString()).isZero();
    String cuda =
        result.out().substring(result.out().indexOf("\ncuda\n"), result.out().indexOf("\ndisk\n"));
    assertThat(cuda)
        .containsPattern("toolkit +version, required: ")
        .containsPattern("minorVersionCompatibility +true or false, default false: ")
        .contains("example:\n    - rule: cuda\n      with: {toolkit: \"12.4\"}");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void stored_environments_are_planned_on_their_latest_fingerprint_or_else_their_declared_facts(
      StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    Path environments =
        Files.writeString(
            files.resolve("envs.yaml"),
            """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: gpu-lab
          labels: {tier: lab}
        spec:
          target: {type: agent}
          facts:
            cpu.arch: aarch64
        ---
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: prod-eu
          labels: {tier: lab}
        spec:
          target: {type: agent}
        """);
    assertThat(cli.store("apply", "-f", environments.toString()).code()).isZero();
    Cli.Result recorded = cli.store("fingerprint", "--record", "prod-eu", "-f", H100);
    assertThat(recorded.code()).as(recorded.toString()).isZero();

    Cli.Result result = cli.store("plan", "-f", RELEASE, "-l", "tier=lab", "-o", "json");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    JsonNode targets = JSON.readTree(result.out()).at("/releases/0/targets");
    assertThat(targets.get(0).get("environment").asText()).isEqualTo("gpu-lab");
    assertThat(targets.get(0).get("origin").asText()).isEqualTo("declared");
    assertThat(targets.get(0).get("verdict").asText()).isEqualTo("incompatible");
    assertThat(targets.get(1).get("environment").asText()).isEqualTo("prod-eu");
    assertThat(targets.get(1).get("origin").asText()).isEqualTo("observed");
    assertThat(targets.get(1).get("variant").asText()).isEqualTo("gpu");

    Cli.Result unknown = cli.store("plan", "-f", RELEASE, "--environment", "nowhere");
    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(unknown.err()).contains("nowhere");
  }

  @Test
  void stored_policies_decide_on_stored_environments_and_the_plan_names_who_may_approve()
      throws Exception {
    Cli cli = StoreChoice.H2.cli(home);
    Cli.Result applied =
        cli.store(
            "apply", "-f", "../examples/environments/prod-us.yaml", "-f", "../examples/policies/");
    assertThat(applied.code()).as(applied.toString()).isZero();

    Cli.Result json =
        cli.store(
            "plan",
            "-f",
            "../examples/releases/payments-api-2.4.0.yaml",
            "--environment",
            "prod-us",
            "-o",
            "json");
    Cli.Result text =
        cli.store(
            "plan",
            "-f",
            "../examples/releases/payments-api-2.4.0.yaml",
            "--environment",
            "prod-us");

    assertThat(json.code()).as(json.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    JsonNode target = JSON.readTree(json.out()).at("/releases/0/targets/0");
    assertThat(target.get("verdict").asText()).isEqualTo("needs-approval");
    JsonNode signed = null;
    for (JsonNode policy : target.get("policies")) {
      if (policy.get("name").asText().equals("prod-signed-releases")) {
        signed = policy;
      }
    }
    assertThat(signed).as(target.toString()).isNotNull();
    assertThat(signed.get("status").asText()).isEqualTo("violated");
    assertThat(signed.get("approvers").get(0).asText()).isEqualTo("role:approver");
    assertThat(text.out())
        .contains(
            "✗ policy prod-signed-releases (requireApproval, violated): Unsigned release; a"
                + " release manager must confirm where it came from.; 1 approval by"
                + " role:approver")
        .contains("✓ policy licence-allow-list (deny)");
  }

  @Test
  void a_policy_given_with_f_whose_rule_fails_at_run_time_denies_with_the_reason()
      throws Exception {
    Path policy =
        Files.writeString(
            files.resolve("owner.yaml"),
            """
        apiVersion: sextant.dev/v1
        kind: Policy
        metadata:
          name: owner-label
        spec:
          effect: warn
          rule: release.metadata.labels['owner'] == 'web-team'
          message: Releases name their owning team.
        """);

    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                "../examples/releases/checkout-web-3.2.0.yaml",
                "-f",
                policy.toString(),
                "--fingerprint",
                H100);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(result.out())
        .containsPattern("prod-eu +fingerprint-file +denied +- +denied by policy owner-label: rule")
        .contains("owner");
  }

  @Test
  void a_validator_plug_in_jar_is_found_and_its_rule_can_be_required() throws Exception {
    Path plugins = Files.createDirectories(files.resolve("plugins"));
    buildPlugin(plugins.resolve("acme-rules.jar"));
    Cli cli = Cli.withHome(home).withEnv("SEXTANT_PLUGINS", plugins.toString());

    Cli.Result rules = cli.run("plan", "--rules");
    assertThat(rules.code()).as(rules.toString()).isZero();
    assertThat(rules.out()).contains("hostnamePrefix", "acme.HostnamePrefix", "cuda", "wheel");
    assertThat(rules.out())
        .contains(
            "the host's name starts with a prefix\n  arguments: not described by its validator");

    Path release =
        Files.writeString(
            files.resolve("release.yaml"),
            """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata: {name: batch-1-0-0}
        spec:
          service: batch
          version: 1.0.0
          variants:
            - name: dgx
              artifact: {image: "registry.example/batch@sha256:%s"}
              requirements:
                - rule: hostnamePrefix
                  with: {prefix: dgx-}
            - name: anywhere
              artifact: {image: "registry.example/batch@sha256:%s"}
        """
                .formatted("d".repeat(64), "e".repeat(64)));
    JsonNode plan =
        JSON.readTree(
            cli.run(
                    "plan",
                    "-f",
                    release.toString(),
                    "--fingerprint",
                    H100,
                    "--fingerprint",
                    T4,
                    "-o",
                    "json")
                .out());
    JsonNode targets = plan.at("/releases/0/targets");
    assertThat(targets.get(0).get("variant").asText()).isEqualTo("dgx");
    assertThat(targets.get(1).get("variant").asText()).isEqualTo("anywhere");
    assertThat(plan.get("validators").findValuesAsText("implementation"))
        .contains("acme.HostnamePrefix");

    // validate and apply know the plug-in's rule too; without the plug-in, the rule is unknown.
    assertThat(cli.run("validate", "-f", release.toString()).code()).isZero();
    Cli.Result applied = cli.store("apply", "-f", release.toString());
    assertThat(applied.code()).as(applied.toString()).isZero();
    Cli.Result without = Cli.withHome(home).run("validate", "-f", release.toString());
    assertThat(without.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(without.err())
        .contains(
            "spec.variants[0].requirements[0].rule: no validator for rule \"hostnamePrefix\"");
  }

  @Test
  void a_plug_in_that_is_not_a_jar_is_refused_by_name() throws Exception {
    Path plugins = Files.createDirectories(files.resolve("plugins"));
    Files.writeString(plugins.resolve("broken.jar"), "not a zip");

    Cli.Result result =
        Cli.withHome(home).withEnv("SEXTANT_PLUGINS", plugins.toString()).run("plan", "--rules");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("broken.jar is not a readable jar").doesNotContain("\tat ");
  }

  /** A real plug-in, compiled and jarred here, as a user would ship one. */
  private void buildPlugin(Path jar) throws IOException {
    Path sources = Files.createDirectories(files.resolve("src/acme"));
    Path classes = Files.createDirectories(files.resolve("classes"));
    Path source =
        Files.writeString(
            sources.resolve("HostnamePrefix.java"),
            """
        package acme;

        import dev.sextant.core.compat.Arguments;
        import dev.sextant.core.compat.Constraint;
        import dev.sextant.core.compat.Finding;
        import dev.sextant.core.compat.Validator;
        import dev.sextant.core.fingerprint.Fact;
        import dev.sextant.core.resource.spec.Requirement;
        import java.util.List;

        public final class HostnamePrefix implements Validator {
          public String rule() { return "hostnamePrefix"; }
          public String summary() { return "the host's name starts with a prefix"; }
          public String source() { return "ACME naming standard"; }

          public Constraint prepare(Requirement requirement) {
            String prefix = Arguments.of(requirement, "prefix").text("prefix");
            return facts -> {
              String name = facts.fact("hostname").map(Fact::display).orElse(Finding.ABSENT);
              return name.startsWith(prefix)
                  ? Finding.met(List.of("hostname"), "starts with " + prefix, name, "it does")
                  : Finding.notMet(List.of("hostname"), "starts with " + prefix, name, "it does not");
            };
          }
        }
        """);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int status =
        compiler.run(
            null,
            errors,
            errors,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            source.toString());
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("META-INF/services/dev.sextant.core.compat.Validator"));
      out.write("acme.HostnamePrefix\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new JarEntry("acme/HostnamePrefix.class"));
      out.write(Files.readAllBytes(classes.resolve("acme/HostnamePrefix.class")));
      out.closeEntry();
    }
  }
}
