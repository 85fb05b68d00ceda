package dev.sextant.server.targets.local.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups of instances become file-SD files, replaced whole and removed as the group goes. */
class ScrapeTargetsTest {
  @TempDir Path directory;

  private static ScrapeTarget target(String hostPort, String track) {
    return new ScrapeTarget(hostPort, Map.of("service", "sample", "track", track));
  }

  private List<String> files() throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void a_group_is_one_file_of_targets_with_their_labels_replaced_whole_on_each_publish()
      throws Exception {
    ScrapeTargets targets = new ScrapeTargets(directory);
    targets.publish("sample-canary", List.of(target("127.0.0.1:8081", "canary")));
    targets.publish(
        "sample-canary",
        List.of(target("127.0.0.1:8082", "canary"), target("127.0.0.1:8083", "canary")));

    assertThat(files()).containsExactly("sample-canary.json");
    JsonNode written =
        new ObjectMapper().readTree(directory.resolve("sample-canary.json").toFile());
    assertThat(written).hasSize(2);
    assertThat(written.get(0).get("targets").get(0).asText()).isEqualTo("127.0.0.1:8082");
    assertThat(written.get(1).get("labels").get("track").asText()).isEqualTo("canary");
    assertThat(written.get(1).get("labels").get("service").asText()).isEqualTo("sample");
  }

  @Test
  void withdrawing_or_publishing_nothing_removes_the_group_file() throws Exception {
    ScrapeTargets targets = new ScrapeTargets(directory);
    targets.publish("a", List.of(target("127.0.0.1:8081", "stable")));
    targets.publish("b", List.of(target("127.0.0.1:8082", "stable")));

    targets.withdraw("a");
    targets.publish("b", List.of());
    targets.withdraw("never-published");

    assertThat(files()).isEmpty();
  }

  @Test
  void a_group_name_cannot_reach_outside_the_directory() throws Exception {
    ScrapeTargets targets = new ScrapeTargets(directory.resolve("targets"));
    targets.publish("../sample/production*", List.of(target("127.0.0.1:8081", "stable")));

    try (Stream<Path> files = Files.list(directory.resolve("targets"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("..%2Fsample%2Fproduction%2A.json");
    }
  }

  @Test
  void a_target_that_prometheus_would_refuse_is_refused_here() {
    assertThatThrownBy(() -> new ScrapeTarget("http://127.0.0.1:8080/metrics", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> new ScrapeTarget("127.0.0.1:8080", Map.of("track-name", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'track-name' of scrape target 127.0.0.1:8080 is not a label name");
  }
}
