package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.core.secret.SecretRef;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.secret.SecretResolver;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.secret.UnresolvedSecretException;
import dev.sextant.server.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known secret value is planted in an environment variable (given to the resolver as an explicit
 * environment) and in a file, and an Environment references both; a second Environment writes it in
 * place of a reference. After applying, reading every route of the API, streaming the events,
 * resolving the references where a consumer would and failing to resolve others, the value is
 * searched for in every response, every error, everything logged and every file of the data
 * directory: it is nowhere. The references themselves are found there, which shows the search can
 * find what was stored.
 */
class PlantedSecretTest {
  private static final String PLANTED = "planted-" + UUID.randomUUID();
  private static final String AGENT_TOKEN = "planted-test-agent-token";

  @TempDir Path home;
  @TempDir Path secrets;

  @Test
  void the_planted_secret_appears_nowhere() throws Exception {
    Path file = secrets.resolve("enrollment-token");
    Files.writeString(file, PLANTED + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    SecretResolver resolver = new Secrets(Map.of("LAB_DB_PASSWORD", PLANTED));
    List<String> seen = new ArrayList<>();

    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream err = System.err;
    PrintStream out = System.out;
    System.setErr(new PrintStream(tee(err, logs), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(tee(out, logs), true, StandardCharsets.UTF_8));
    try (Services services =
        Services.on(
            Database.h2(home, Clock.systemUTC()), AgentTokens.of(AGENT_TOKEN), Clock.systemUTC())) {
      ApiServer server = ApiServer.start(services, "127.0.0.1", 0);
      try {
        ApiClient client = Admin.client(services.database(), server.port());

        ApiResponse applied = apply(client, environment("secretive", "file:" + file));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        seen.add(applied.body());
        ApiResponse refused = apply(client, environment("leaky", PLANTED));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("expected a secret reference");
        seen.add(refused.body());

        for (RouteTable.Route route : server.routes()) {
          if (route.method().name().equals("GET")) {
            ApiResponse answer = client.exchange("GET", sample(route.path()), Map.of(), null);
            seen.add(route + " -> " + answer.status() + " " + answer.headers() + answer.body());
          }
        }
        List<String> streamed = new ArrayList<>();
        CompletableFuture.runAsync(
                () ->
                    client.stream(
                        "api/v1/events/stream?after=0",
                        e -> streamed.add(e.data()) && streamed.size() < 1))
            .get(20, TimeUnit.SECONDS);
        seen.addAll(streamed);

        // Where a consumer resolves: the references as the API gives them back.
        String stored = client.get("api/v1/environments/secretive").orElseThrow().toString();
        assertThat(stored).contains("file:" + file, "env:LAB_DB_PASSWORD");
        assertThat(resolver.resolve(SecretRef.parse("file:" + file)).reveal()).isEqualTo(PLANTED);
        var fromEnv = resolver.resolve(SecretRef.parse("env:LAB_DB_PASSWORD"));
        assertThat(fromEnv.reveal()).isEqualTo(PLANTED);
        seen.add("resolved " + fromEnv + " from " + fromEnv.source().describe());
        org.slf4j.LoggerFactory.getLogger(PlantedSecretTest.class)
            .warn("a consumer logging the secret it resolved: {}", fromEnv);

        // A failed resolution: a file others may read, holding the value.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> resolver.resolve(SecretRef.parse("file:" + file)))
            .isInstanceOfSatisfying(UnresolvedSecretException.class, e -> seen.add(e.getMessage()))
            .hasMessageContaining("readable by its group or by others");
      } finally {
        server.close();
      }
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    seen.add(logs.toString(StandardCharsets.UTF_8));

    assertThat(String.join("\n", seen)).contains("secretive", "***").doesNotContain(PLANTED);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(home)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    byte[] reference = ("file:" + file).getBytes(StandardCharsets.UTF_8);
    assertThat(files)
        .anySatisfy(f -> assertThat(contains(Files.readAllBytes(f), reference)).isTrue());
    byte[] planted = PLANTED.getBytes(StandardCharsets.UTF_8);
    // The API token every request carried is a secret too: the store keeps its hash only.
    byte[] token = Admin.TOKEN.getBytes(StandardCharsets.UTF_8);
    assertThat(String.join("\n", seen)).doesNotContain(Admin.TOKEN);
    for (Path f : files) {
      assertThat(contains(Files.readAllBytes(f), planted)).as(f.toString()).isFalse();
      assertThat(contains(Files.readAllBytes(f), token)).as(f.toString()).isFalse();
    }
  }

  private static String environment(String name, String enrollmentToken) {
    return """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: %s
        spec:
          target:
            type: agent
            connection:
              agentPool: lab
              enrollmentToken: %s
              dbPassword: env:LAB_DB_PASSWORD
        """
        .formatted(name, enrollmentToken);
  }

  private static ApiResponse apply(ApiClient client, String yaml) {
    return client.exchange(
        "POST",
        "/api/v1/apply",
        Map.of("Content-Type", "application/yaml", "X-Sextant-Source", "planted.yaml"),
        yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static String sample(String template) {
    return template
        .replace("{kind}", "environments")
        .replace("{name}", "secretive")
        .replace("{revision}", "1")
        .replace("{id}", "plan-1");
  }

  private static OutputStream tee(OutputStream first, OutputStream second) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          first.write(b, off, len);
          second.write(b, off, len);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
