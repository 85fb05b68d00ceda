package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant secret check}, and the planted secret through the CLI: a known value in an
 * environment variable and a file, referenced by an Environment that is validated, applied, read
 * back and planned, and written in place of a reference in another that is refused; the value is in
 * no output, no error and no file of the data directory.
 */
class SecretCommandTest {
  private static final String PLANTED = "planted-" + UUID.randomUUID();
  private static final String RELEASE = "../examples/releases/fraud-detector-1.4.0.yaml";

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void a_reference_that_resolves_is_shown_by_length_and_sha256_prefix_only() throws Exception {
    Cli cli = Cli.withHome(home).withEnv("DB_PASSWORD", "s3cr3t-planted-value");
    Path file = secretFile("s3cr3t-planted-value\n");

    Cli.Result fromEnv = cli.run("secret", "check", "env:DB_PASSWORD");
    Cli.Result fromFile = cli.run("secret", "check", "file:" + file);

    assertThat(fromEnv.code()).as(fromEnv.toString()).isZero();
    // printf %s 's3cr3t-planted-value' | sha256sum
    assertThat(fromEnv.out())
        .isEqualTo("env:DB_PASSWORD: resolved, 20 character(s), sha256 74d5088b…\n");
    assertThat(fromFile.out())
        .isEqualTo("file:" + file + ": resolved, 20 character(s), sha256 74d5088b…\n");
  }

  @Test
  void a_reference_that_does_not_resolve_exits_by_why_and_names_only_the_reference()
      throws Exception {
    Cli cli = Cli.withHome(home).withEnv("HOME", files.toString());
    Path readable = secretFile("s3cr3t-planted-value");
    Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Result unset = cli.run("secret", "check", "env:DB_PASSWORD");
    Cli.Result exposed = cli.run("secret", "check", "file:" + readable);
    Cli.Result noVault = cli.run("secret", "check", "vault:kv/sextant/prod-eu#token");
    Cli.Result literal = cli.run("secret", "check", "s3cr3t-planted-value");

    assertThat(unset.code()).as(unset.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(unset.err()).contains("env:DB_PASSWORD: the environment variable DB_PASSWORD");
    assertThat(exposed.code()).as(exposed.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(exposed.err()).contains("readable by its group or by others", "chmod 600");
    assertThat(noVault.code()).as(noVault.toString()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(noVault.err()).contains("VAULT_ADDR is not set");
    assertThat(literal.code()).as(literal.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(literal.err()).contains("env:NAME, file:/path or vault:mount/path#key");
    for (Cli.Result result : List.of(unset, exposed, noVault, literal)) {
      assertThat(result.out() + result.err())
          .doesNotContain("s3cr3t-planted-value")
          .doesNotContain("Exception");
    }
  }

  @Test
  void the_planted_secret_appears_in_no_output_and_no_file_of_the_data_directory()
      throws Exception {
    Cli cli = Cli.withHome(home).withEnv("LAB_DB_PASSWORD", PLANTED);
    Path token = secretFile(PLANTED + "\n");
    Path referencing = environment("referencing", "file:" + token);
    Path leaking = environment("leaking", PLANTED);
    List<Cli.Result> results = new ArrayList<>();

    Cli.Result validated = run(results, cli, "validate", "-f", referencing.toString());
    Cli.Result refused = run(results, cli, "validate", "-f", leaking.toString());
    Cli.Result applied = run(results, cli, "apply", "-f", referencing.toString());
    Cli.Result notApplied = run(results, cli, "apply", "-f", leaking.toString());
    run(results, cli, "get", "environments", "-o", "yaml");
    run(results, cli, "get", "environment", "referencing", "-o", "json");
    run(results, cli, "describe", "environment", "referencing");
    run(results, cli, "history", "environment", "referencing", "-o", "json");
    Cli.Result planned = run(results, cli, "plan", "-f", RELEASE, "-l", "tier=lab", "-o", "json");
    run(results, cli, "plan", "-f", RELEASE, "-l", "tier=lab");
    Cli.Result checked = run(results, cli, "secret", "check", "env:LAB_DB_PASSWORD");
    run(results, cli, "secret", "check", "file:" + token);
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    Cli.Result failed = run(results, cli, "secret", "check", "file:" + token);
    run(results, cli, "secret", "check", PLANTED);

    assertThat(validated.code()).as(validated.toString()).isZero();
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(refused.err()).contains("expected a secret reference");
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(notApplied.code()).as(notApplied.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(planned.out()).as(planned.toString()).contains("referencing");
    assertThat(checked.out()).contains("resolved, " + PLANTED.length() + " character(s)");
    assertThat(failed.code()).as(failed.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    String everything = results.stream().map(Cli.Result::toString).reduce("", String::concat);
    assertThat(everything).contains("env:LAB_DB_PASSWORD").doesNotContain(PLANTED);

    List<Path> stored;
    try (Stream<Path> walk = Files.walk(home)) {
      stored = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(stored)
        .anySatisfy(f -> assertThat(bytes(f)).contains("env:LAB_DB_PASSWORD"))
        .allSatisfy(f -> assertThat(bytes(f)).as(f.toString()).doesNotContain(PLANTED));
  }

  private static Cli.Result run(List<Cli.Result> results, Cli cli, String... args) {
    Cli.Result result = args[0].equals("secret") ? cli.run(args) : cli.store(args);
    results.add(result);
    return result;
  }

  /** A file's bytes as ISO-8859-1, so that a binary store file reads byte for byte. */
  private static String bytes(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }

  private Path environment(String name, String enrollmentToken) throws Exception {
    return Files.writeString(
        files.resolve(name + ".yaml"),
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: %s
          labels: {tier: lab}
        spec:
          target:
            type: agent
            connection:
              agentPool: lab
              enrollmentToken: %s
              dbPassword: env:LAB_DB_PASSWORD
          facts:
            cpu.arch: x86_64
        """
            .formatted(name, enrollmentToken));
  }

  private Path secretFile(String content) throws Exception {
    Path file = Files.createTempFile(files, "secret-", "");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
