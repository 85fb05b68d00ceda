package dev.sextant.agent.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The host this JVM runs on, as a {@link ProbeContext}. */
public final class LocalHost implements ProbeContext {
  /** Larger than /proc/cpuinfo of a 512-thread machine; nothing a probe reads is bigger. */
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  private final CommandRunner commands;
  private final HostHardware hardware;

  public LocalHost(CommandRunner commands, HostHardware hardware) {
    this.commands = commands;
    this.hardware = hardware;
  }

  /** This host, with commands run as child processes and OSHI for what files do not say. */
  public static LocalHost create() {
    return new LocalHost(new ProcessCommandRunner(), new OshiHardware());
  }

  @Override
  public Optional<String> readFile(String path) {
    // Files under /proc and /sys report a size of 0, so read to the end rather than by size.
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      return Optional.of(new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path));
  }

  @Override
  public OptionalLong diskTotal(String mountPoint) {
    Path path = Path.of(mountPoint);
    if (!Files.isDirectory(path)) {
      return OptionalLong.empty();
    }
    try {
      long total = Files.getFileStore(path).getTotalSpace();
      return total > 0 ? OptionalLong.of(total) : OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public CommandResult run(Duration timeout, List<String> command) {
    return commands.run(command, timeout);
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name));
  }

  @Override
  public Optional<String> systemProperty(String name) {
    return Optional.ofNullable(System.getProperty(name));
  }

  @Override
  public HostHardware hardware() {
    return hardware;
  }
}
