package dev.sextant.server.targets.local.prometheus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instances Prometheus scrapes, as files in a directory that its file-based service discovery
 * reads ({@code *.json}): one file per group of instances (a service's track in an environment,
 * say), replaced whole as the group changes. A file is written beside its place and renamed into
 * it, so Prometheus never reads half of one; the temporary name does not end in {@code .json}.
 */
public final class ScrapeTargets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  public ScrapeTargets(Path directory) {
    this.directory = directory;
  }

  /** The directory Prometheus reads, for its {@code file_sd_configs}. */
  public Path directory() {
    return directory;
  }

  /**
   * Makes {@code targets} the whole of {@code group}: Prometheus scrapes them from its next read of
   * the directory and stops scraping the group's instances that are not among them. No targets is
   * {@link #withdraw}.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public synchronized void publish(String group, List<ScrapeTarget> targets) {
    if (targets.isEmpty()) {
      withdraw(group);
      return;
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ScrapeTarget target : targets) {
      entries.add(Map.of("targets", List.of(target.hostPort()), "labels", target.labels()));
    }
    Path file = file(group);
    Path temporary = directory.resolve("." + file.getFileName() + ".tmp");
    try {
      Files.createDirectories(directory);
      Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the scrape targets of " + group + " to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes {@code group}: Prometheus stops scraping its instances. Withdrawing a group that is not
   * there does nothing.
   *
   * @throws UncheckedIOException when the file cannot be removed
   */
  public synchronized void withdraw(String group) {
    Path file = file(group);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the scrape targets of " + group + " at " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** A file name for any group name: percent-encoded, so no name reaches outside the directory. */
  private Path file(String group) {
    if (group.isEmpty()) {
      throw new IllegalArgumentException("a group of scrape targets needs a name");
    }
    String name = URLEncoder.encode(group, StandardCharsets.UTF_8).replace("*", "%2A");
    return directory.resolve(name + ".json");
  }
}
