package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant graph order|impact} on the examples, on the store, and on files made here. */
class GraphCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELEASES = Path.of("..", "examples", "releases").toString();
  private static final String EXAMPLES = Path.of("..", "examples").toString();

  @TempDir Path home;
  @TempDir Path files;

  private Cli cli() {
    return Cli.withHome(home);
  }

  /** A minimal valid release; {@code extra} is YAML added under spec (api, dependencies). */
  private String release(String service, String version, String extra) throws Exception {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: %s-%s
        spec:
          service: %s
          version: %s
          variants:
            - name: default
              artifact:
                image: ghcr.io/acme/%s@sha256:%s
        """
                .formatted(
                    service, version.replace('.', '-'), service, version, service, "0".repeat(64))
            + extra.indent(2);
    return Files.writeString(files.resolve(service + "-" + version + ".yaml"), yaml).toString();
  }

  @Test
  void order_puts_every_provider_before_its_consumers() {
    Cli.Result result = cli().run("graph", "order", "-f", EXAMPLES);

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out().lines().map(String::strip).toList())
        .containsExactly(
            "STEP   SERVICE          VERSION   API     NEEDS",
            "1      fraud-detector   1.4.0     1.3.0   -",
            "2      payments-api     2.4.0     2.4.0   -",
            "3      checkout-web     3.2.0     -       payments-api ^2.1.0, fraud-detector >=1.2.0 <2.0.0");
    assertThat(result.err()).isEmpty();
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void order_as_json_gives_steps_and_whether_each_dependency_is_met() throws Exception {
    Cli.Result result = cli().run("graph", "order", "-f", RELEASES, "-o", "json");

    assertThat(result.code()).as(result.toString()).isZero();
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.at("/order").findValuesAsText("service"))
        .containsSubsequence("fraud-detector", "payments-api", "checkout-web");
    assertThat(json.at("/order/2/step").asInt()).isEqualTo(3);
    assertThat(json.at("/order/2/api").isNull()).isTrue();
    assertThat(json.at("/order/2/dependencies/0/range").asText()).isEqualTo("^2.1.0");
    assertThat(json.at("/order/2/dependencies/0/satisfied").asBoolean()).isTrue();
    assertThat(json.at("/unsatisfied")).isEmpty();
  }

  @Test
  void order_warns_of_dependencies_that_nothing_meets() throws Exception {
    String web = release("web", "1.0.0", "dependencies:\n  - service: search\n    api: ^2.0.0\n");
    String search = release("search", "1.5.0", "api:\n  version: 1.5.0\n");

    Cli.Result result = cli().run("graph", "order", "-f", web, "-f", search);

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out()).containsSubsequence("search", "web");
    assertThat(result.err())
        .isEqualTo(
            "warning: web 1.0.0 needs search ^2.0.0, but search 1.5.0 provides API 1.5.0"
                + System.lineSeparator());
  }

  @Test
  void impact_of_a_new_major_api_lists_the_consumer_it_would_break_and_exits_3() {
    Cli.Result result = cli().run("graph", "impact", "payments-api@3.0.0", "-f", RELEASES);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(result.out().lines().map(String::strip).toList())
        .containsExactly(
            "payments-api API 3.0.0 would break 1 of its 1 consumer:",
            "CONSUMER       VERSION   NEEDS    WHY",
            "checkout-web   3.2.0     ^2.1.0   3.0.0 is outside ^2.1.0 (payments-api provides 2.4.0 now)");
  }

  @Test
  void impact_as_json_names_consumer_version_range_and_reason() throws Exception {
    Cli.Result result =
        cli().run("graph", "impact", "fraud-detector@2.0.0", "-f", RELEASES, "-o", "json");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("compatible").asBoolean()).isFalse();
    assertThat(json.get("current").asText()).isEqualTo("1.3.0");
    assertThat(json.get("consumers").asInt()).isEqualTo(1);
    JsonNode broken = json.at("/breaks/0");
    assertThat(broken.get("consumer").asText()).isEqualTo("checkout-web");
    assertThat(broken.get("consumerVersion").asText()).isEqualTo("3.2.0");
    assertThat(broken.get("range").asText()).isEqualTo(">=1.2.0 <2.0.0");
    assertThat(broken.get("reason").asText()).isEqualTo("out-of-range");
    assertThat(broken.get("message").asText())
        .isEqualTo(
            "checkout-web 3.2.0 needs fraud-detector >=1.2.0 <2.0.0, but fraud-detector would provide API 2.0.0 (it provides 1.3.0 now)");
  }

  @Test
  void impact_that_every_consumer_accepts_exits_0() throws Exception {
    Cli.Result result = cli().run("graph", "impact", "payments-api@2.9.0", "-f", RELEASES);
    Cli.Result leaf =
        cli().run("graph", "impact", "checkout-web@4.0.0", "-f", RELEASES, "-o", "json");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "payments-api API 2.9.0 breaks none of its 1 consumer." + System.lineSeparator());
    assertThat(leaf.code()).as(leaf.toString()).isZero();
    assertThat(JSON.readTree(leaf.out()).get("compatible").asBoolean()).isTrue();
  }

  @Test
  void bad_input_exits_1_with_a_message_and_no_stack_trace() {
    Cli.Result unknown = cli().run("graph", "impact", "payment-api@3.0.0", "-f", RELEASES);
    Cli.Result badVersion = cli().run("graph", "impact", "payments-api@3.0", "-f", RELEASES);
    Cli.Result noVersion = cli().run("graph", "impact", "payments-api", "-f", RELEASES);

    assertThat(unknown.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(unknown.err())
        .contains("no release of payment-api", "did you mean \"payments-api\"?");
    assertThat(badVersion.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(badVersion.err()).contains("'3.0' is not a semantic version");
    assertThat(noVersion.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noVersion.err()).contains("expected SERVICE@VERSION");
    for (Cli.Result r : new Cli.Result[] {unknown, badVersion, noVersion}) {
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void a_cycle_is_an_error_that_names_every_service_on_it() throws Exception {
    release(
        "tax",
        "1.0.0",
        "api:\n  version: 1.0.0\ndependencies:\n  - service: billing\n    api: ^1.0.0\n");
    release(
        "billing",
        "1.0.0",
        "api:\n  version: 1.0.0\ndependencies:\n  - service: invoices\n    api: ^1.0.0\n");
    release(
        "invoices",
        "1.0.0",
        "api:\n  version: 1.0.0\ndependencies:\n  - service: tax\n    api: ~1.0.0\n");

    Cli.Result order = cli().run("graph", "order", "-f", files.toString());
    Cli.Result impact = cli().run("graph", "impact", "tax@2.0.0", "-f", files.toString());

    for (Cli.Result r : new Cli.Result[] {order, impact}) {
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(r.err())
          .startsWith("error: dependency cycle: billing → invoices → tax → billing")
          .doesNotContain("Exception");
    }
  }

  @Test
  void a_range_that_does_not_parse_is_named_by_file_line_and_field() throws Exception {
    String web =
        release("web", "1.0.0", "dependencies:\n  - service: search\n    api: ^1.0.0 || 2.x.x.x\n");

    Cli.Result result = cli().run("graph", "order", "-f", web);

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .containsPattern(
            java.util.regex.Pattern.quote(web) + ":\\d+:\\d+: spec\\.dependencies\\[0\\]\\.api: ")
        .contains(
            "\"^1.0.0 || 2.x.x.x\" is not an npm version range (it does not follow node-semver's range grammar)")
        .doesNotContain("Exception");
  }

  @Test
  void the_newest_release_of_a_service_stands_for_it() throws Exception {
    release("payments-api", "2.10.0", "api:\n  version: 3.0.0\n");
    release("payments-api", "2.9.0", "api:\n  version: 2.9.0\n");

    Cli.Result result = cli().run("graph", "order", "-f", RELEASES, "-f", files.toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out()).contains("payments-api     2.10.0    3.0.0");
    assertThat(result.err())
        .contains(
            "warning: checkout-web 3.2.0 needs payments-api ^2.1.0, but payments-api 2.10.0 provides API 3.0.0");
  }

  @Test
  void without_files_the_releases_come_from_the_store() {
    Cli cli = cli();
    assertThat(cli.run("apply", "-f", EXAMPLES).code()).isZero();

    Cli.Result order = cli.run("graph", "order");
    Cli.Result impact = cli.run("graph", "impact", "payments-api@3.0.0", "-o", "json");

    assertThat(order.code()).as(order.toString()).isZero();
    assertThat(order.out()).containsSubsequence("fraud-detector", "payments-api", "checkout-web");
    assertThat(impact.code()).as(impact.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(impact.out()).contains("\"consumer\" : \"checkout-web\"");
  }

  @Test
  void help_teaches_with_examples() {
    Cli.Result graph = cli().run("graph");
    Cli.Result impact = cli().run("graph", "impact", "--help");
    Cli.Result root = cli().run("--help");

    assertThat(graph.out())
        .contains(
            "order", "impact", "sextant graph impact payments-api@3.0.0 -f examples/releases/");
    assertThat(impact.code()).isZero();
    assertThat(impact.out())
        .contains("SERVICE@VERSION", "Exit 0 when no consumer would break, 3 when some would");
    assertThat(root.out()).contains("graph");
  }
}
