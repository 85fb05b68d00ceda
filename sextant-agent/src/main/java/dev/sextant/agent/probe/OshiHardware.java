package dev.sextant.agent.probe;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OperatingSystem;

/**
 * {@link HostHardware} through OSHI. OSHI is started on first use only: loading its native bridge
 * (JNA) and reading the processor topology takes a few hundred milliseconds, more than all other
 * probes together, so a Linux host whose files answer everything never pays for it.
 *
 * <p>Every call is guarded: where OSHI cannot load (JNA has no native library for musl on some
 * architectures, for example) the answer is empty, not an error.
 */
final class OshiHardware implements HostHardware {
  private final Supplier<SystemInfo> system = memoize(SystemInfo::new);
  private final Supplier<CentralProcessor> processor =
      memoize(() -> system.get().getHardware().getProcessor());
  private final Supplier<OperatingSystem> os = memoize(() -> system.get().getOperatingSystem());

  @Override
  public Optional<String> osFamily() {
    return text(() -> os.get().getFamily());
  }

  @Override
  public Optional<String> osVersion() {
    return text(() -> os.get().getVersionInfo().getVersion());
  }

  @Override
  public Optional<String> kernel() {
    // OSHI's build number is the kernel release on Linux and the build on macOS and Windows.
    return text(() -> os.get().getVersionInfo().getBuildNumber());
  }

  @Override
  public Optional<String> cpuVendor() {
    return text(() -> processor.get().getProcessorIdentifier().getVendor());
  }

  @Override
  public Optional<String> cpuModel() {
    return text(() -> processor.get().getProcessorIdentifier().getName());
  }

  @Override
  public OptionalInt physicalCores() {
    return count(() -> processor.get().getPhysicalProcessorCount());
  }

  @Override
  public OptionalInt logicalThreads() {
    return count(() -> processor.get().getLogicalProcessorCount());
  }

  @Override
  public OptionalLong memoryTotal() {
    try {
      long total = system.get().getHardware().getMemory().getTotal();
      return total > 0 ? OptionalLong.of(total) : OptionalLong.empty();
    } catch (RuntimeException | LinkageError e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public Optional<String> hostname() {
    return text(() -> os.get().getNetworkParams().getHostName());
  }

  @Override
  public List<Disk> disks() {
    try {
      return os.get().getFileSystem().getFileStores(true).stream()
          .filter(store -> store.getTotalSpace() > 0)
          .map(store -> new Disk(store.getMount(), store.getType(), store.getTotalSpace()))
          .toList();
    } catch (RuntimeException | LinkageError e) {
      return List.of();
    }
  }

  private static Optional<String> text(Supplier<String> read) {
    try {
      return Optional.ofNullable(read.get())
          .map(String::strip)
          .filter(s -> !s.isEmpty() && !s.equals("unknown"));
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static OptionalInt count(Supplier<Integer> read) {
    try {
      int n = read.get();
      return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    } catch (RuntimeException | LinkageError e) {
      return OptionalInt.empty();
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> source) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = source.get();
        }
        return value;
      }
    };
  }
}
