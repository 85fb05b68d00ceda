package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the host is: OS, kernel, CPU, memory, disks, hostname.
 *
 * <p>Linux states all of it in files ({@code /etc/os-release}, {@code /proc}, {@code /sys}), read
 * in microseconds, so those come first; OSHI ({@link HostHardware}) answers only what they leave
 * open, or everything on a host without them. {@code cpu.arch} is what {@code uname -m} says, the
 * kernel's view, which a 32-bit or emulated JVM's {@code os.arch} may not share.
 */
public final class PlatformProbe implements Probe {
  static final Duration UNAME_TIMEOUT = Duration.ofSeconds(2);

  /** Hosts with more local filesystems than this are not described disk by disk. */
  static final int MAX_DISKS = 32;

  @Override
  public String name() {
    return "platform";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    ProbeResult.Builder out = ProbeResult.builder();
    HostHardware hardware = context.hardware();
    os(context, hardware, out);
    text(
        out,
        "kernel.version",
        context.readFile("/proc/sys/kernel/osrelease").map(String::strip).or(hardware::kernel),
        Fact.Version::new);
    arch(context, out);
    cpu(context, hardware, out);
    memory(context, hardware, out);
    disks(context, hardware, out);
    text(
        out,
        "hostname",
        context.readFile("/proc/sys/kernel/hostname").map(String::strip).or(hardware::hostname),
        Fact.Text::new);
    return out.build();
  }

  private static void os(ProbeContext context, HostHardware hardware, ProbeResult.Builder out) {
    Optional<String> text =
        context.readFile("/etc/os-release").or(() -> context.readFile("/usr/lib/os-release"));
    if (text.isPresent()) {
      Map<String, String> release = OsRelease.parse(text.get());
      text(out, "os.id", Optional.ofNullable(release.get("ID")), Fact.Text::new);
      text(out, "os.version", Optional.ofNullable(release.get("VERSION_ID")), Fact.Version::new);
      text(
          out,
          "os.name",
          Optional.ofNullable(release.get("PRETTY_NAME"))
              .or(() -> Optional.ofNullable(release.get("NAME"))),
          Fact.Text::new);
      return;
    }
    // No os-release: not Linux, or a very old one. OSHI names the family ("macOS", "Windows").
    Optional<String> family = hardware.osFamily();
    text(
        out,
        "os.id",
        family.map(f -> f.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")),
        Fact.Text::new);
    text(out, "os.version", hardware.osVersion(), Fact.Version::new);
    text(
        out,
        "os.name",
        family.map(f -> hardware.osVersion().map(v -> f + " " + v).orElse(f)),
        Fact.Text::new);
  }

  private static void arch(ProbeContext context, ProbeResult.Builder out) {
    CommandResult uname = context.run(UNAME_TIMEOUT, "uname", "-m");
    Optional<String> machine =
        uname.succeeded() ? Optional.of(uname.stdout().strip()) : Optional.empty();
    text(
        out,
        "cpu.arch",
        machine.or(() -> context.systemProperty("os.arch")).map(Arch::normalise),
        Fact.Text::new);
  }

  private static void cpu(ProbeContext context, HostHardware hardware, ProbeResult.Builder out) {
    Optional<CpuInfo> info = context.readFile("/proc/cpuinfo").map(CpuInfo::parse);
    text(out, "cpu.vendor", info.flatMap(CpuInfo::vendor).or(hardware::cpuVendor), Fact.Text::new);
    text(out, "cpu.model", info.flatMap(CpuInfo::model).or(hardware::cpuModel), Fact.Text::new);
    CpuTopology topology = CpuTopology.read(context);
    OptionalInt listed =
        info.filter(i -> i.processors() > 0)
            .map(i -> OptionalInt.of(i.processors()))
            .orElse(OptionalInt.empty());
    // OSHI only when the files leave a count open: starting it costs more than everything else.
    count(out, "cpu.cores", topology.cores(), hardware::physicalCores);
    count(
        out,
        "cpu.threads",
        topology.threads().isPresent() ? topology.threads() : listed,
        hardware::logicalThreads);
    info.filter(i -> !i.flags().isEmpty())
        .ifPresent(i -> out.fact("cpu.flags", Fact.Set.of(i.flags())));
  }

  private static void memory(ProbeContext context, HostHardware hardware, ProbeResult.Builder out) {
    OptionalLong total =
        context.readFile("/proc/meminfo").map(PlatformProbe::memTotal).orElse(OptionalLong.empty());
    if (total.isEmpty()) {
      total = hardware.memoryTotal();
    }
    total.ifPresent(bytes -> out.fact("memory.total", Fact.Quantity.bytes(bytes)));
  }

  /** {@code MemTotal: 24684092 kB}; the kernel's kB are KiB. */
  static OptionalLong memTotal(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
        try {
          long amount = Long.parseLong(parts[0]);
          return OptionalLong.of(
              parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? amount * 1024 : amount);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  private static void disks(ProbeContext context, HostHardware hardware, ProbeResult.Builder out) {
    Optional<String> table = context.readFile("/proc/self/mounts");
    if (table.isEmpty()) {
      hardware.disks().stream()
          .limit(MAX_DISKS)
          .forEach(d -> out.fact(Mounts.factKey(d.mount()), Fact.Quantity.bytes(d.totalBytes())));
      return;
    }
    // Sized before choosing one mount per device: a bind-mounted file (a container's /etc/hosts)
    // has no size here and must not stand for its device.
    Map<Mounts.Mount, Long> sizes = new HashMap<>();
    for (Mounts.Mount mount : Mounts.parse(table.get())) {
      context.diskTotal(mount.path()).ifPresent(bytes -> sizes.put(mount, bytes));
    }
    List<Mounts.Mount> disks =
        Mounts.onePerDevice(Mounts.parse(table.get()).stream().filter(sizes::containsKey).toList());
    if (disks.size() > MAX_DISKS) {
      out.warning(
          disks.size() + " local filesystems; only the first " + MAX_DISKS + " are described");
    }
    disks.stream()
        .limit(MAX_DISKS)
        .forEach(m -> out.fact(Mounts.factKey(m.path()), Fact.Quantity.bytes(sizes.get(m))));
  }

  private static void text(
      ProbeResult.Builder out, String key, Optional<String> value, Function<String, Fact> type) {
    value.filter(v -> !v.isBlank()).ifPresent(v -> out.fact(key, type.apply(v)));
  }

  private static void count(
      ProbeResult.Builder out, String key, OptionalInt value, Supplier<OptionalInt> otherwise) {
    (value.isPresent() ? value : otherwise.get()).ifPresent(n -> out.fact(key, Fact.Number.of(n)));
  }
}
