package dev.sextant.server.targets.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes the local target started (HAProxy, instances), kept in a file beside them: a server
 * killed with SIGKILL leaves them running, and the next server on the same directory stops them
 * before it starts its own. A process is known by its pid and its start time, so a pid the system
 * gave to another process since is left alone.
 */
public final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

  private final Path file;
  private final Map<Long, Instant> started = new LinkedHashMap<>();

  public Leftovers(Path file) {
    this.file = file;
  }

  /**
   * Kills what a previous server here left running, with its descendants, and forgets it.
   *
   * @return how many processes were still running
   */
  public synchronized int killLeftovers() {
    int killed = 0;
    for (String line : lines()) {
      String[] parts = line.split(" ");
      if (parts.length != 2) {
        continue;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
      Instant at = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      if (process.isPresent() && process.get().isAlive() && startOf(process.get()).equals(at)) {
        process.get().descendants().forEach(ProcessHandle::destroyForcibly);
        process.get().destroyForcibly();
        killed++;
      }
    }
    if (killed > 0) {
      LOG.warn("stopped {} process(es) a previous server left running in {}", killed, file);
    }
    save();
    return killed;
  }

  /** Remembers a process this target started. */
  public synchronized void started(long pid) {
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              if (started.put(pid, startOf(process)) == null) {
                save();
              }
            });
  }

  private static Instant startOf(ProcessHandle process) {
    // Millisecond precision, as written in the file.
    return process
        .info()
        .startInstant()
        .map(i -> Instant.ofEpochMilli(i.toEpochMilli()))
        .orElse(Instant.EPOCH);
  }

  private List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void save() {
    // Forget what has exited, so the file stays as small as what runs.
    started.keySet().removeIf(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    List<String> out = new ArrayList<>();
    started.forEach((pid, at) -> out.add(pid + " " + at.toEpochMilli()));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("cannot keep the local target's processes in {}: {}", file, e.getMessage());
    }
  }
}
