package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant fingerprint} on this very host, and signature checks of fingerprint files. */
class FingerprintCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void this_host_is_fingerprinted_without_error() throws Exception {
    Cli.Result result = Cli.withHome(home).run("fingerprint", "-o", "json");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.err()).doesNotContain("warning");
    JsonNode facts = JSON.readTree(result.out()).get("facts");
    assertThat(facts.at("/cpu.arch/value").asText()).isNotEmpty();
    assertThat(facts.at("/memory.total/unit").asText()).isEqualTo("bytes");
    assertThat(facts.at("/cpu.flags/type").asText()).isEqualTo("set");
    if ("debian".equals(facts.at("/os.id/value").asText())
        && !Files.exists(Path.of("/usr/bin/nvidia-smi"))) {
      // The acceptance host: Debian 12 on x86_64 with glibc 2.36 and no GPU.
      assertThat(facts.at("/os.version/value").asText()).isEqualTo("12");
      assertThat(facts.at("/cpu.arch/value").asText()).isEqualTo("x86_64");
      assertThat(facts.at("/libc.version/value").asText()).isEqualTo("2.36");
      List<String> keys = new ArrayList<>();
      facts.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).noneMatch(k -> k.startsWith("gpu") || k.startsWith("cuda"));
      assertThat(facts.at("/python.version/value").asText()).startsWith("3.11");
      List<String> tags = new ArrayList<>();
      facts.at("/python.tags/value").forEach(t -> tags.add(t.asText()));
      assertThat(tags).first().isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
      assertThat(tags)
          .contains("cp311-abi3-manylinux2014_x86_64", "py3-none-manylinux_2_17_x86_64");
      assertThat(tags).last().isEqualTo("py30-none-any");
    }
  }

  @Test
  void two_runs_on_one_host_have_the_same_platform_digest() throws Exception {
    JsonNode first = JSON.readTree(Cli.withHome(home).run("fingerprint", "-o", "json").out());
    JsonNode second = JSON.readTree(Cli.withHome(home).run("fingerprint", "-o", "json").out());

    assertThat(second.at("/digests/platform")).isEqualTo(first.at("/digests/platform"));
    assertThat(second.at("/digests/platform").asText()).startsWith("sha256:");
  }

  @Test
  void a_signed_fingerprint_verifies_and_a_tampered_one_does_not() throws Exception {
    Cli cli = Cli.withHome(home);
    Path signed =
        Files.writeString(
            home.resolve("host.json"),
            cli.run("fingerprint", "-o", "json", "--sign", "--environment", "dev").out());

    Cli.Result valid = cli.run("fingerprint", "--verify", signed.toString());
    assertThat(valid.code()).as(valid.toString()).isZero();
    assertThat(valid.out()).contains("valid signature by key");

    ObjectNode document = (ObjectNode) JSON.readTree(signed.toFile());
    document.put("environment", "prod-eu");
    Path tampered =
        Files.writeString(home.resolve("tampered.json"), JSON.writeValueAsString(document));
    Cli.Result refused = cli.run("fingerprint", "--verify", tampered.toString());
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(refused.err()).contains("tampered.json").doesNotContain("\tat ");

    ((ObjectNode) document.get("facts"))
        .set("cpu.arch", JSON.createObjectNode().put("type", "string").put("value", "aarch64"));
    document.put("environment", "dev");
    Path editedFact =
        Files.writeString(home.resolve("edited.json"), JSON.writeValueAsString(document));
    Cli.Result editedResult = cli.run("fingerprint", "--verify", editedFact.toString());
    assertThat(editedResult.code()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void a_signature_from_an_untrusted_key_is_refused() throws Exception {
    Path other = Files.createDirectory(home.resolve("other"));
    Path signed =
        Files.writeString(
            home.resolve("host.json"),
            Cli.withHome(other).run("fingerprint", "-o", "json", "--sign").out());
    Cli.withHome(home).run("fingerprint", "--sign", "-o", "json");

    Cli.Result result = Cli.withHome(home).run("fingerprint", "--verify", signed.toString());

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).containsIgnoringCase("key");
  }

  @Test
  void a_bad_reach_check_is_a_clear_error() {
    Cli.Result result = Cli.withHome(home).run("fingerprint", "--reach", "db=nowhere");

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains("expected NAME=HOST:PORT");
  }
}
