package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import dev.sextant.server.store.PlanSubmitted;
import dev.sextant.server.store.StoreLocation;
import dev.sextant.server.trust.Evidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant keys} and {@code sextant sign} through the root command, against a real server:
 * keys made here, trusted there, resources signed here and a plan refused for a release whose
 * provenance no trusted key signed.
 */
class KeysAndSignCommandsTest {
  private static final String ADMIN = "sxt_keys-commands-test-admin";
  private static final Path POLICY =
      Path.of("..", "evidence", "policies", "prod-signed-resources.yaml");
  private static final Path EXAMPLE_POLICY =
      Path.of("..", "examples", "policies", "prod-verified-provenance.yaml");

  @TempDir Path home;
  @TempDir Path files;
  private SextantServer server;
  private Cli admin;

  @BeforeEach
  void start() {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("server")))
                .withFirstAdminToken(ADMIN));
    admin =
        Cli.withHome(home)
            .withEnv("SEXTANT_TOKEN", ADMIN)
            .withStoreArgs("--server", "http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void generate_writes_a_private_key_only_its_owner_reads_and_never_overwrites_it()
      throws Exception {
    Path prefix = files.resolve("release-signing");

    Cli.Result made = admin.run("keys", "generate", "--out", prefix.toString());
    Cli.Result again = admin.run("keys", "generate", "--out", prefix.toString());
    Cli.Result inDirectory = admin.run("keys", "generate", "--out", files.toString());

    assertThat(made.code()).as(made.toString()).isZero();
    Path pub = files.resolve("release-signing.pub");
    String id = PublicKeys.id(PublicKeys.fromPem(Files.readString(pub)));
    assertThat(made.out().strip()).isEqualTo(id);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(files.resolve("release-signing.key"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(files.resolve("release-signing.key")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(again.code()).isEqualTo(ExitCode.CONFLICT);
    assertThat(again.err()).contains("exists; a key is never overwritten");
    assertThat(inDirectory.code()).as(inDirectory.toString()).isZero();
    assertThat(files.resolve("signing.key")).exists();
  }

  @Test
  void a_key_is_trusted_listed_and_revoked_by_prefix_and_stays_listed() {
    Path prefix = files.resolve("ci");
    String id = admin.run("keys", "generate", "--out", prefix.toString()).out().strip();

    Cli.Result trusted = admin.store("keys", "trust", prefix + ".pub", "--name", "CI builder");
    Cli.Result again = admin.store("keys", "trust", prefix + ".pub");
    Cli.Result revoked = admin.store("keys", "revoke", id.substring(0, 8));
    Cli.Result listed = admin.store("keys", "list");
    Cli.Result badId = admin.store("keys", "revoke", "xyz");
    Cli.Result notAKey = admin.store("keys", "trust", prefix + ".key");

    assertThat(trusted.code()).as(trusted.toString()).isZero();
    assertThat(trusted.out()).contains("trusted " + id + " (CI builder)");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(revoked.code()).as(revoked.toString()).isZero();
    assertThat(revoked.out()).contains("revoked " + id);
    assertThat(listed.out()).contains("ID", "STATE", id, "CI builder", "revoked");
    assertThat(badId.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(badId.err()).contains("8 to 64 lower-case hex digits");
    assertThat(notAKey.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(notAKey.err()).contains("expected a PEM public key").doesNotContain("MC4C");
  }

  @Test
  void a_signed_resource_file_verifies_until_a_value_changes() throws Exception {
    Path prefix = files.resolve("release-signing");
    admin.run("keys", "generate", "--out", prefix.toString());
    Path environment = Files.writeString(files.resolve("env.yaml"), Evidence.ENVIRONMENT);
    Path signed = files.resolve("env.signed.yaml");

    Cli.Result sign =
        admin.run(
            "sign", environment.toString(), "--key", prefix + ".key", "-o", signed.toString());
    Cli.Result verified =
        admin.run("sign", "--verify", signed.toString(), "--key", prefix + ".pub");
    Cli.Result validated = admin.run("validate", "-f", signed.toString());
    Path tampered =
        Files.writeString(
            files.resolve("env.tampered.yaml"),
            Files.readString(signed).replace("tier: prod", "tier: staging"));
    Cli.Result refused =
        admin.run("sign", "--verify", tampered.toString(), "--key", prefix + ".pub");
    Cli.Result overwrite =
        admin.run(
            "sign", environment.toString(), "--key", prefix + ".key", "-o", signed.toString());

    assertThat(sign.code()).as(sign.toString()).isZero();
    assertThat(Files.readString(signed)).contains("signature:", "algorithm: ed25519", "keyId:");
    assertThat(verified.code()).as(verified.toString()).isZero();
    assertThat(verified.out()).startsWith("verified: signed by key ");
    assertThat(validated.code()).as(validated.toString()).isZero();
    assertThat(refused.code()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(refused.out())
        .contains("not verified: environment prod-eu does not match its signature by key");
    assertThat(overwrite.code()).isEqualTo(ExitCode.CONFLICT);
  }

  @Test
  void a_malformed_embedded_signature_is_refused_by_validate_at_its_field() throws Exception {
    Path file =
        Files.writeString(
            files.resolve("env.yaml"),
            Evidence.ENVIRONMENT.replace(
                "  name: prod-eu\n",
                "  name: prod-eu\n  signature:\n    keyId: abc\n    algorithm: ed25519\n"
                    + "    value: nope\n"));

    Cli.Result validated = admin.run("validate", "-f", file.toString());

    assertThat(validated.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(validated.err()).contains("metadata.signature.keyId", "metadata.signature.value");
  }

  @Test
  void a_detached_signature_covers_any_json_or_yaml_file() throws Exception {
    Path prefix = files.resolve("release-signing");
    admin.run("keys", "generate", "--out", prefix.toString());
    Path fingerprint =
        Files.writeString(
            files.resolve("h100.yaml"),
            "environment: prod-eu\ncollectedAt: 2026-11-20T09:00:00Z\nfacts:\n  cpu.arch: x86_64\n");

    Cli.Result sign =
        admin.run("sign", fingerprint.toString(), "--key", prefix + ".key", "--detached");
    Cli.Result verified =
        admin.run("sign", "--verify", fingerprint.toString(), "--key", prefix + ".pub");
    Files.writeString(fingerprint, Files.readString(fingerprint).replace("x86_64", "aarch64"));
    Cli.Result refused =
        admin.run("sign", "--verify", fingerprint.toString(), "--key", prefix + ".pub");

    assertThat(sign.code()).as(sign.toString()).isZero();
    assertThat(Files.readString(files.resolve("h100.yaml.sig")))
        .contains("\"keyId\"", "\"digest\" : \"sha256:", "\"algorithm\" : \"ed25519\"");
    assertThat(verified.code()).as(verified.toString()).isZero();
    assertThat(refused.code()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(refused.out()).contains("does not match its signature");
  }

  @Test
  void a_plan_in_prod_refuses_provenance_no_trusted_key_signed_and_says_why() throws Exception {
    Path prefix = files.resolve("release-signing");
    admin.run("keys", "generate", "--out", prefix.toString());
    KeyPair stranger = Evidence.ed25519();
    Path environment = sign(Evidence.ENVIRONMENT, "env", prefix);
    Path policy = sign(Files.readString(POLICY), "policy", prefix);
    Path service = Files.writeString(files.resolve("service.yaml"), Evidence.SERVICE);
    Path release =
        sign(
            Evidence.release(Evidence.ed25519Envelope(Evidence.ARTIFACT_DIGEST, stranger)),
            "release",
            prefix);
    assertThat(admin.store("keys", "trust", prefix + ".pub").code()).isZero();
    Cli.Result applied =
        admin.store(
            "apply",
            "-f",
            environment.toString(),
            "-f",
            policy.toString(),
            "-f",
            service.toString());
    assertThat(applied.code()).as(applied.toString()).isZero();

    Cli.Result plan = admin.store("plan", "-f", release.toString(), "--environment", "prod-eu");
    Cli.Result json =
        admin.store("plan", "-f", release.toString(), "--environment", "prod-eu", "-o", "json");

    assertThat(plan.code()).as(plan.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(plan.out())
        .contains(
            "prod-signed-resources",
            "release churn-2-4-0: provenance signature:",
            Evidence.id(stranger));
    assertThat(json.out()).contains("\"status\" : \"violated\"", Evidence.id(stranger));
  }

  @Test
  void the_example_policy_refuses_provenance_about_another_artifact_and_the_ledger_keeps_why()
      throws Exception {
    KeyPair builder = Evidence.ed25519();
    Path builderKey = Files.writeString(files.resolve("builder.pub"), Evidence.pem(builder));
    assertThat(admin.store("keys", "trust", builderKey.toString()).code()).isZero();
    Digest other = Digest.sha256("another model".getBytes(StandardCharsets.UTF_8));
    Path release =
        Files.writeString(
            files.resolve("release.yaml"),
            Evidence.release(Evidence.ed25519Envelope(other, builder)));
    Cli.Result applied =
        admin.store(
            "apply",
            "-f",
            Files.writeString(files.resolve("env.yaml"), Evidence.ENVIRONMENT).toString(),
            "-f",
            EXAMPLE_POLICY.toString(),
            "-f",
            Files.writeString(files.resolve("service.yaml"), Evidence.SERVICE).toString(),
            "-f",
            release.toString());
    assertThat(applied.code()).as(applied.toString()).isZero();

    Cli.Result plan = admin.store("plan", "-f", release.toString(), "--environment", "prod-eu");
    Cli.Result submitted = admin.store("plan", "submit", "churn-2-4-0", "--environment", "prod-eu");

    String why = "the statement is about " + other + ", not the artifact's";
    assertThat(plan.code()).as(plan.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(plan.out()).contains("prod-verified-provenance", why);
    assertThat(submitted.code()).as(submitted.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    List<LoggedEvent> refusals =
        server
            .services()
            .database()
            .read(
                "read plan events",
                tx -> tx.events().list(EventQuery.last(10).ofType(PlanSubmitted.TYPE)));
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0).envelope().outcome()).isEqualTo("denied");
    assertThat(refusals.get(0).envelope().reason().orElseThrow())
        .contains("prod-verified-provenance", why);
    assertThat(admin.store("audit", "verify").code()).isZero();
  }

  private Path sign(String yaml, String name, Path prefix) throws Exception {
    Path file = Files.writeString(files.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    Path signed = files.resolve(name + ".signed.yaml");
    Cli.Result result =
        admin.run("sign", file.toString(), "--key", prefix + ".key", "-o", signed.toString());
    assertThat(result.code()).as(result.toString()).isZero();
    return signed;
  }
}
