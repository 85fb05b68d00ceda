package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.ledger.BundleVerifier;
import dev.sextant.core.ledger.EvidenceBundleJson;
import dev.sextant.core.ledger.LedgerException;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant audit proof}, {@code export} and {@code verify --bundle} through the root command
 * against a real server and its H2 store; the bundle then checked offline by the CLI, with no
 * server, and by an independent RFC 6962 verifier written in Perl.
 */
class AuditEvidenceCommandTest {
  private static final String ADMIN = "sxt_audit-evidence-test-admin";
  private static final Path PERL_VERIFIER = Path.of("..", "scripts", "rfc6962-verify.pl");
  private static final String LAB =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: lab
      spec:
        description: The tests' lab.
        target:
          type: local
        facts:
          cpu.arch: %s
      """;

  @TempDir Path home;
  @TempDir Path files;
  private SextantServer server;
  private Cli admin;
  private Path publicKey;
  private String exported;

  @BeforeEach
  void start() throws IOException {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("server")))
                .withFirstAdminToken(ADMIN));
    admin =
        Cli.withHome(home)
            .withEnv("SEXTANT_TOKEN", ADMIN)
            .withStoreArgs("--server", "http://127.0.0.1:" + server.port());
    apply("x86_64");
    apply("aarch64");
    publicKey = home.resolve("server").resolve("ledger.key.pub");
    assertThat(publicKey).exists();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void an_inclusion_proof_is_checked_here_against_the_signed_head_and_its_key() {
    assertThat(admin.store("audit", "head", "--sign").code()).isZero();

    Cli.Result proof =
        admin.store("audit", "proof", "--sequence", "1", "--key", publicKey.toString());
    Cli.Result json = admin.store("audit", "proof", "--sequence", "2", "-o", "json");

    assertThat(proof.code()).as(proof.toString()).isZero();
    assertThat(proof.out()).contains("entry 1 in the ledger of", ": verified", "is signed by key");
    assertThat(json.code()).as(json.toString()).isZero();
    assertThat(json.out())
        .contains("\"verified\" : true", "\"auditPath\"", "\"signatureChecked\" : false");
  }

  @Test
  void a_consistency_proof_between_two_heads_verifies_and_a_size_nobody_signed_does_not() {
    long older = head();
    apply("riscv64");
    long newer = head();

    Cli.Result proof =
        admin.store(
            "audit",
            "proof",
            "--from",
            "" + older,
            "--to",
            "" + newer,
            "--key",
            publicKey.toString());
    Cli.Result unsigned =
        admin.store("audit", "proof", "--sequence", "1", "--tree-size", "" + (older - 1));

    assertThat(proof.code()).as(proof.toString()).isZero();
    assertThat(proof.out()).contains("growing into " + newer + ": verified", "is a prefix of");
    assertThat(unsigned.code()).as(unsigned.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(unsigned.out()).contains("NOT verified: no head was signed at size " + (older - 1));
  }

  @Test
  void proof_options_out_of_place_or_range_say_what_is_expected() {
    head();

    Cli.Result both = admin.store("audit", "proof", "--sequence", "1", "--from", "1", "--to", "2");
    Cli.Result beyond = admin.store("audit", "proof", "--sequence", "9999");

    assertThat(both.code()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("give --sequence N [--tree-size M], or --from M1 --to M2");
    assertThat(beyond.code()).as(beyond.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(beyond.err()).contains("sequence must be from 1 to").doesNotContain("Exception");
  }

  @Test
  void an_exported_bundle_verifies_offline_with_only_the_public_key_and_no_server()
      throws IOException {
    Path bundle = export();
    Path elsewhere = files.resolve("auditor-home");
    Files.createDirectories(elsewhere);

    Cli.Result verified =
        Cli.withHome(elsewhere)
            .withEnv("SEXTANT_SERVER", "http://127.0.0.1:9")
            .run("audit", "verify", "--bundle", bundle.toString(), "--key", publicKey.toString());

    assertThat(verified.code()).as(verified.toString()).isZero();
    assertThat(verified.out())
        .contains("verifies: 2 entries of environment lab", "the bundle's own signature holds");
    Cli.Result json =
        Cli.withHome(elsewhere)
            .run(
                "audit",
                "verify",
                "--bundle",
                bundle.toString(),
                "--key",
                publicKey.toString(),
                "-o",
                "json");
    assertThat(json.code()).as(json.toString()).isZero();
    assertThat(json.out()).contains("\"verified\" : true", "\"entries\" : 2");
    Cli.Result toStandardOutput = admin.store("audit", "export", "--environment", "lab");
    assertThat(toStandardOutput.out()).isEqualTo(Files.readString(bundle));
    try (Stream<Path> made = Files.list(elsewhere)) {
      assertThat(made).as("nothing was started or written").isEmpty();
    }
  }

  @Test
  void changing_any_one_byte_of_an_exported_bundle_makes_it_fail() throws IOException {
    byte[] file = Files.readAllBytes(export());
    PublicKey key = SigningKeys.decodePublic(Files.readString(publicKey));
    for (int i = 0; i < file.length; i++) {
      byte[] changed = file.clone();
      changed[i] ^= 0x01;
      assertThat(verifies(changed, key)).as("byte %d of %d changed", i, file.length).isFalse();
    }
  }

  @Test
  void the_cli_names_the_first_failing_check_of_a_changed_bundle() throws IOException {
    Path bundle = export();
    String text = Files.readString(bundle);
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(text);
    String headSignature = json.path("treeHead").path("signature").asText();
    String proofHash = json.path("entries").get(1).path("inclusionProof").get(0).asText();
    long second = json.path("entries").get(1).path("entry").path("sequence").asLong();
    String size = "\"treeSize\":" + json.path("treeHead").path("treeSize").asLong();

    assertFails(text.replace(headSignature, flip(headSignature)), "tree head");
    assertFails(
        text.replace(proofHash, flipHex(proofHash)),
        "does NOT verify: entry " + second + ": its inclusion proof fails");
    assertFails(
        text.replaceFirst("\"actor\":\"admin\"", "\"actor\":\"admim\""), "does NOT verify: entry ");
    assertFails(
        text.replaceFirst("\"revision\":2", "\"revision\":3"), "does NOT verify: entry " + second);
    assertFails(text.replace(size, size + "1"), "");
    Cli.Result otherKey = verify(bundle, otherKey());
    assertThat(otherKey.code()).as(otherKey.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(otherKey.out()).contains("does NOT verify: tree head: it names key");
    Cli.Result notABundle =
        verify(Files.writeString(files.resolve("no.json"), "{\"kind\":\"Release\"}"), publicKey);
    assertThat(notABundle.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(notABundle.err())
        .contains("not a valid evidence bundle")
        .doesNotContain("Exception");
  }

  @Test
  void an_independent_rfc6962_verifier_in_perl_accepts_the_proofs_and_rejects_a_changed_one()
      throws Exception {
    Run modules = perl("-MDigest::SHA", "-MJSON::PP", "-MEncode", "-e1");
    assertThat(modules.code())
        .as("perl with Digest::SHA, JSON::PP and Encode must be installed: %s", modules.out())
        .isZero();
    Path bundle = export();
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(bundle));
    ArrayNode proof = (ArrayNode) json.path("entries").get(1).path("inclusionProof");
    proof.set(0, flipHex(proof.get(0).asText()));
    Path changed =
        Files.write(files.resolve("changed.json"), new ObjectMapper().writeValueAsBytes(json));

    Run accepted = perl(PERL_VERIFIER.toString(), bundle.toString());
    Run rejected = perl(PERL_VERIFIER.toString(), changed.toString());

    assertThat(accepted.code()).as(accepted.out()).isZero();
    assertThat(accepted.out()).contains("all 2 inclusion proofs lead to root");
    assertThat(rejected.code()).as(rejected.out()).isEqualTo(1);
    assertThat(rejected.out()).contains("does NOT lead to the root");
  }

  private void apply(String arch) {
    try {
      Path file = Files.writeString(files.resolve("lab-" + arch + ".yaml"), LAB.formatted(arch));
      Cli.Result applied = admin.store("apply", "-f", file.toString());
      assertThat(applied.code()).as(applied.toString()).isZero();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private long head() {
    Cli.Result signed = admin.store("audit", "head", "--sign", "-o", "json");
    assertThat(signed.code()).as(signed.toString()).isZero();
    try {
      return new ObjectMapper().readTree(signed.out()).path("treeSize").asLong();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path export() {
    Path bundle = files.resolve("lab.bundle.json");
    Cli.Result exported =
        admin.store("audit", "export", "--environment", "lab", "-o", bundle.toString());
    assertThat(exported.code()).as(exported.toString()).isZero();
    assertThat(exported.out()).contains("wrote " + bundle, "2 entries");
    this.exported = text(bundle);
    return bundle;
  }

  private void assertFails(String changed, String where) {
    assertThat(changed).as("the test changed something").isNotEqualTo(exported);
    try {
      Path file = Files.writeString(files.resolve("changed.json"), changed);
      Cli.Result result = verify(file, publicKey);
      assertThat(result.code())
          .as(result.toString())
          .isIn(ExitCode.INCOMPATIBLE, ExitCode.INVALID_INPUT);
      assertThat(result.out() + result.err()).contains(where);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Cli.Result verify(Path bundle, Path key) {
    return Cli.withHome(files)
        .run("audit", "verify", "--bundle", bundle.toString(), "--key", key.toString());
  }

  private Path otherKey() throws IOException {
    var pair = SigningKeys.generate(new SecureRandom());
    return Files.writeString(files.resolve("other.pub"), SigningKeys.publicPem(pair.getPublic()));
  }

  private static String flipHex(String hex) {
    return (hex.charAt(0) == '0' ? '1' : '0') + hex.substring(1);
  }

  private static String flip(String text) {
    char first = text.charAt(0);
    return (first == 'A' ? 'B' : 'A') + text.substring(1);
  }

  private static boolean verifies(byte[] file, PublicKey key) {
    try {
      return BundleVerifier.verify(EvidenceBundleJson.read(file), key).verified();
    } catch (LedgerException e) {
      return false;
    }
  }

  private record Run(int code, String out) {}

  private static Run perl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("perl"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "perl must be installed to run the RFC 6962 verifier: " + e.getMessage(), e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out);
  }
}
