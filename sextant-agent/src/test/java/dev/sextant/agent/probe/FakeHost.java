package dev.sextant.agent.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A host made of recorded files and command outputs. A command it was not given is not found, as on
 * a host without that tool; a file it was not given is absent. Public for the probes of other
 * packages ({@code probe.python}).
 */
public final class FakeHost implements ProbeContext {
  private final Map<String, String> files = new HashMap<>();
  private final Set<String> otherPaths = new HashSet<>();
  private final Map<String, Long> disks = new HashMap<>();
  private final Map<String, CommandResult> commands = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> properties = new HashMap<>();
  private final List<String> ran = new ArrayList<>();
  private final List<Duration> timeouts = new ArrayList<>();
  private HostHardware hardware = HostHardware.NONE;

  /** A file whose content is a fixture. */
  public FakeHost file(String path, String fixture) {
    return text(path, Fixtures.read(fixture));
  }

  /** A file with the given content. */
  public FakeHost text(String path, String content) {
    files.put(path, content);
    return this;
  }

  /** Something that exists at a path but is not read (a loader, a directory). */
  public FakeHost path(String path) {
    otherPaths.add(path);
    return this;
  }

  public FakeHost disk(String mountPoint, long totalBytes) {
    disks.put(mountPoint, totalBytes);
    return this;
  }

  public FakeHost command(String commandLine, CommandResult result) {
    commands.put(commandLine, result);
    return this;
  }

  public FakeHost command(List<String> command, CommandResult result) {
    return command(String.join(" ", command), result);
  }

  public FakeHost env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public FakeHost property(String name, String value) {
    properties.put(name, value);
    return this;
  }

  public FakeHost hardware(HostHardware hardware) {
    this.hardware = hardware;
    return this;
  }

  /** Every command line run so far, in order. */
  public List<String> ran() {
    synchronized (ran) {
      return List.copyOf(ran);
    }
  }

  /** The time limit of every command run so far, in the order of {@link #ran()}. */
  public List<Duration> timeouts() {
    synchronized (ran) {
      return List.copyOf(timeouts);
    }
  }

  @Override
  public Optional<String> readFile(String path) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public boolean exists(String path) {
    return files.containsKey(path) || otherPaths.contains(path) || disks.containsKey(path);
  }

  @Override
  public OptionalLong diskTotal(String mountPoint) {
    Long total = disks.get(mountPoint);
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  @Override
  public CommandResult run(Duration timeout, List<String> command) {
    String line = String.join(" ", command);
    synchronized (ran) {
      ran.add(line);
      timeouts.add(timeout);
    }
    return commands.getOrDefault(line, CommandResult.notFound());
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name));
  }

  @Override
  public Optional<String> systemProperty(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  @Override
  public HostHardware hardware() {
    return hardware;
  }
}
