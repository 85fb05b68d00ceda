package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** apply, get, history and describe through the CLI, on H2 and on a real PostgreSQL. */
class ApplyAndHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: payments-api
        labels:
          domain: payments
      spec:
        description: Authorises, captures and refunds card payments.
        owner: team-payments
      """;

  @TempDir Path home;
  @TempDir Path files;

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void applying_the_same_file_twice_stores_one_revision(StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    Path file = write("service.yaml", SERVICE);

    Cli.Result first = cli.store("apply", "-f", file.toString());
    Cli.Result second = cli.store("apply", "-f", file.toString());

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).contains("Service/payments-api created (revision 1,");
    assertThat(second.out()).contains("Service/payments-api unchanged (revision 1,");
    Cli.Result history = cli.store("history", "service", "payments-api", "-o", "json");
    assertThat(JSON.readTree(history.out())).hasSize(1);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void reformatting_a_file_does_not_change_its_digest(StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    cli.store("apply", "-f", write("service.yaml", SERVICE).toString());
    JsonNode asJson = new YAMLMapper().readTree(SERVICE);

    Cli.Result again =
        cli.store("apply", "-f", write("service.json", JSON.writeValueAsString(asJson)).toString());

    assertThat(again.out()).as(again.toString()).contains("unchanged (revision 1,");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void changing_one_field_adds_a_revision_and_both_read_back_exactly(StoreChoice store)
      throws Exception {
    Cli cli = store.cli(home);
    cli.store("apply", "-f", write("service.yaml", SERVICE).toString());
    Cli.Result changed =
        cli.store(
            "apply",
            "-f",
            write("service.yaml", SERVICE.replace("team-payments", "team-billing")).toString());

    assertThat(changed.out())
        .as(changed.toString())
        .contains("Service/payments-api configured (revision 2,");
    JsonNode history =
        JSON.readTree(cli.store("history", "service", "payments-api", "-o", "json").out());
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("digest")).isNotEqualTo(history.get(1).get("digest"));
    assertThat(history.get(0).get("appliedBy").asText()).isEqualTo("tester");

    ObjectNode one =
        (ObjectNode)
            JSON.readTree(
                cli.store("get", "service", "payments-api", "--revision", "1", "-o", "json").out());
    ObjectNode two =
        (ObjectNode) JSON.readTree(cli.store("get", "service", "payments-api", "-o", "json").out());
    assertThat(one.remove("status").get("digest")).isEqualTo(history.get(0).get("digest"));
    assertThat(one).isEqualTo(new YAMLMapper().readTree(SERVICE));
    assertThat(two.remove("status").get("revision").asLong()).isEqualTo(2);
    assertThat(two.at("/spec/owner").asText()).isEqualTo("team-billing");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void an_invalid_file_among_valid_ones_changes_nothing(StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    Path good = write("a-good.yaml", SERVICE);
    Path bad =
        write("b-bad.yaml", SERVICE.replace("payments-api", "other").replace("owner:", "ownr:"));

    Cli.Result result = cli.store("apply", "-f", good.toString(), "-f", bad.toString());

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains(bad + ":9:3: spec.ownr: unknown field \"ownr\"; did you mean \"owner\"?")
        .contains("nothing was changed");
    assertThat(cli.store("get", "services").err()).contains("No resources found.");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void get_filters_by_label_selector_and_reports_missing_resources(StoreChoice store)
      throws Exception {
    Cli cli = store.cli(home);
    cli.store(
        "apply",
        "-f",
        write(
                "service.yaml",
                SERVICE
                    + "---\n"
                    + SERVICE
                        .replace("payments-api", "ledger")
                        .replace("domain: payments", "domain: finance"))
            .toString());

    Cli.Result payments = cli.store("get", "services", "-l", "domain=payments");
    Cli.Result missing = cli.store("get", "service", "nope");
    Cli.Result noRevision = cli.store("get", "service", "ledger", "--revision", "7");
    Cli.Result badSelector = cli.store("get", "services", "-l", "domain in payments");

    assertThat(payments.out()).contains("payments-api").doesNotContain("ledger");
    assertThat(missing.code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(missing.err()).contains("Service/nope not found");
    assertThat(noRevision.code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(noRevision.err()).contains("has no revision 7 (its revisions are 1 to 1)");
    assertThat(badSelector.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(badSelector.err()).contains("expected '('");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void describe_shows_identity_revision_and_spec(StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    cli.store("apply", "-f", write("service.yaml", SERVICE).toString());

    Cli.Result result = cli.store("describe", "service", "payments-api");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "Name:         payments-api",
            "Revision:     1 of 1",
            "Applied by:   tester",
            "owner: team-payments",
            "domain=payments");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(files.resolve(name), content);
  }
}
