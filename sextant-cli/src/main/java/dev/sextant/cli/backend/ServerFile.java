package dev.sextant.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code $SEXTANT_HOME/server.json}: how a CLI finds the server of its data directory. A server on
 * the embedded store writes it once it listens and deletes it when it stops cleanly; after a crash
 * it stays, and its pid then names no live process.
 *
 * <p>It holds the agent token, so it is created 0600 (in a data directory that is 0700) and never
 * printed: {@link #toString()} leaves the token out.
 *
 * @param url where the server listens, on an address this host reaches, e.g. {@code
 *     http://127.0.0.1:41234}
 * @param pid the server's process
 * @param token the server's agent token, which the local CLI sends where the API wants one
 * @param since when the server started to listen
 */
public record ServerFile(String url, long pid, String token, Instant since) {
  /** The file's name in the data directory. */
  public static final String NAME = "server.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file of the data directory {@code home}. */
  public static Path in(Path home) {
    return home.resolve(NAME);
  }

  /**
   * The file in {@code home}; empty when there is none, or when it cannot be read as one (a crash
   * can leave nothing worse than that behind, for it is written whole or not at all).
   */
  public static Optional<ServerFile> read(Path home) {
    try {
      JsonNode json = JSON.readTree(Files.readString(in(home)));
      return Optional.of(
          new ServerFile(
              json.path("url").asText(),
              json.path("pid").asLong(),
              json.path("token").asText(),
              Instant.parse(json.path("since").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes this file into {@code home} atomically: a reader sees the previous file or this one,
   * never half of one. The temporary file is created 0600, so the token is never readable by
   * others, not even for a moment.
   */
  public void write(Path home) {
    String text =
        JSON.createObjectNode()
            .put("url", url)
            .put("pid", pid)
            .put("token", token)
            .put("since", since.toString())
            .toPrettyString();
    PrivateFiles.write(in(home), text);
  }

  /**
   * Deletes the file of {@code home} when it is still this one's: a server that stops must not take
   * away the file of another that has started since.
   */
  public void deleteFrom(Path home) {
    if (read(home).filter(f -> f.pid() == pid).isPresent()) {
      try {
        Files.deleteIfExists(in(home));
      } catch (IOException e) {
        // The next CLI finds the pid dead and starts a new server: nothing is lost.
      }
    }
  }

  /** Whether the process this file names still runs. */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public String toString() {
    return "ServerFile[url=" + url + ", pid=" + pid + ", since=" + since + "]";
  }
}
