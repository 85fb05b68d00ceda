package dev.sextant.cli;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A write the server confirmed survives a SIGKILL of the server, on either store (DESIGN §9).
 * Clients write at once to a real {@code sextant server} process, which is killed mid-burst; a new
 * server on the same store must hold every confirmed revision with exactly its digest, and go on
 * numbering after the highest confirmed one, never giving a confirmed number to other content.
 */
class CrashSafetyTest {
  /** Clients per kind of write: services, environments and fingerprints. */
  private static final int CLIENTS_PER_KIND = 6;

  /**
   * Kill once this many writes are confirmed: under load, a 500 ms write delay always loses some.
   */
  private static final int KILL_AFTER = 150;

  /** Fewer confirmed writes than this, and the test would prove little. */
  private static final int ENOUGH = 50;

  private static final Duration BURST = Duration.ofSeconds(20);

  /** Rounds after the restart start here, so their content differs from any before. */
  private static final long AFTER_RESTART = 1_000_000;

  @TempDir Path home;
  private final List<ServerProcess> servers = new ArrayList<>();

  @AfterEach
  void killServers() throws InterruptedException {
    for (ServerProcess server : servers) {
      server.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  @Timeout(120)
  void every_confirmed_write_survives_a_sigkill_of_the_server_and_no_number_is_given_twice(
      StoreChoice store) throws Exception {
    List<String> storeArgs = store.storeArgs();
    ServerProcess first = start(storeArgs);
    ApiClient firstApi = Writer.client(first.base());
    List<Confirmed> confirmed = new ArrayList<>();
    List<Writer> writers = new ArrayList<>();
    for (int i = 1; i <= CLIENTS_PER_KIND; i++) {
      writers.add(Writer.service("service-" + i));
      writers.add(Writer.environment("environment-" + i));
      confirmed.add(Burst.write(firstApi, Writer.environment("lab-" + i), 0));
      writers.add(Writer.fingerprints("lab-" + i));
    }

    Duration burstTime;
    int exit;
    List<String> refused;
    try (Burst burst = Burst.start(firstApi, writers, 1)) {
      burstTime = burst.awaitConfirmed(KILL_AFTER, BURST);
      exit = first.kill();
      confirmed.addAll(burst.awaitEnd(Writer.TIMEOUT));
      refused = burst.refused();
    }
    assertThat(exit)
        .as("the exit value of a process that SIGKILL ended")
        .isEqualTo(ServerProcess.KILLED);
    assertThat(confirmed)
        .as("writes confirmed before the kill")
        .hasSizeGreaterThanOrEqualTo(ENOUGH);

    ServerProcess second = start(storeArgs);
    ApiClient secondApi = Writer.client(second.base());
    List<String> lost = differences(secondApi, confirmed);
    List<Confirmed> after = new ArrayList<>();
    for (Writer writer : writers) {
      for (long round = AFTER_RESTART; round < AFTER_RESTART + 2; round++) {
        after.add(Burst.write(secondApi, writer, round));
      }
    }
    List<String> reused = notAfter(confirmed, after);
    List<Confirmed> all = new ArrayList<>(confirmed);
    all.addAll(after);

    String summary =
        String.format(
            "%s: %d writes confirmed before SIGKILL after %d ms of burst; after the restart %d of them lost or changed, and %d of %d new"
                + " revisions numbered at or below the highest confirmed one",
            store,
            confirmed.size(),
            burstTime.toMillis(),
            lost.size(),
            reused.size(),
            after.size());
    System.out.println(summary);
    List<String> problems = new ArrayList<>(lost);
    problems.addAll(reused);
    problems.addAll(givenTwice(all));
    problems.addAll(differences(secondApi, after));
    assertThat(refused).as("writes refused before the kill").isEmpty();
    assertThat(problems)
        .withFailMessage(
            "%s, for example:%n%s",
            summary, String.join("\n", problems.subList(0, Math.min(20, problems.size()))))
        .isEmpty();
  }

  private ServerProcess start(List<String> storeArgs) throws IOException, InterruptedException {
    ServerProcess server = ServerProcess.start(home, storeArgs);
    servers.add(server);
    return server;
  }

  /** Every confirmed revision that the server does not hold with its confirmed digest, said why. */
  private static List<String> differences(ApiClient api, List<Confirmed> confirmed) {
    List<String> differences = new ArrayList<>();
    for (Confirmed write : confirmed) {
      ApiResponse answer = api.exchange("GET", write.path(), Map.of(), null);
      if (answer.status() == 404) {
        differences.add("lost: " + write.path());
      } else if (answer.status() != 200) {
        differences.add("unreadable (" + answer.status() + "): " + write.path());
      } else {
        String digest = answer.json().at("/status/digest").asText();
        if (!digest.equals(write.digest())) {
          differences.add(
              "other content: "
                  + write.path()
                  + " was confirmed as "
                  + write.digest()
                  + ", now "
                  + digest);
        }
      }
    }
    return differences;
  }

  /**
   * Every revision written after the restart that is not after the highest confirmed one of its
   * subject.
   */
  private static List<String> notAfter(List<Confirmed> before, List<Confirmed> after) {
    Map<String, Long> highest =
        before.stream()
            .collect(Collectors.toMap(Confirmed::subject, Confirmed::revision, Math::max));
    return after.stream()
        .filter(write -> write.revision() <= highest.getOrDefault(write.subject(), 0L))
        .map(
            write ->
                "number given again: "
                    + write.path()
                    + " after the restart, though "
                    + write.subject()
                    + " had reached revision "
                    + highest.get(write.subject()))
        .toList();
  }

  /** Every revision number that was confirmed with two different digests. */
  private static List<String> givenTwice(List<Confirmed> confirmed) {
    Map<String, Set<String>> digests =
        confirmed.stream()
            .collect(groupingBy(Confirmed::path, mapping(Confirmed::digest, toSet())));
    return digests.entrySet().stream()
        .filter(entry -> entry.getValue().size() > 1)
        .map(
            entry ->
                "confirmed twice with different content: "
                    + entry.getKey()
                    + " "
                    + entry.getValue())
        .toList();
  }
}
