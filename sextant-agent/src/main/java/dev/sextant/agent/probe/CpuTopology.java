package dev.sextant.agent.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Logical and physical CPU counts from {@code /sys/devices/system/cpu}: the online CPUs are the
 * threads, and CPUs that list the same hardware-thread siblings share one core. Unlike {@code
 * /proc/cpuinfo}, this states the topology on every architecture.
 */
record CpuTopology(OptionalInt threads, OptionalInt cores) {
  static final String CPUS = "/sys/devices/system/cpu";

  static CpuTopology read(ProbeContext context) {
    Optional<List<Integer>> online =
        context.readFile(CPUS + "/online").flatMap(CpuTopology::parseList);
    if (online.isEmpty() || online.get().isEmpty()) {
      return new CpuTopology(OptionalInt.empty(), OptionalInt.empty());
    }
    Set<String> cores = new HashSet<>();
    for (int cpu : online.get()) {
      String topology = CPUS + "/cpu" + cpu + "/topology/";
      // core_cpus_list is the newer name (Linux 5.x); thread_siblings_list the older, same content.
      Optional<String> siblings =
          context
              .readFile(topology + "core_cpus_list")
              .or(() -> context.readFile(topology + "thread_siblings_list"));
      if (siblings.isEmpty()) {
        return new CpuTopology(OptionalInt.of(online.get().size()), OptionalInt.empty());
      }
      cores.add(siblings.get().strip());
    }
    return new CpuTopology(OptionalInt.of(online.get().size()), OptionalInt.of(cores.size()));
  }

  /** The kernel's CPU list format: {@code 0-3,8,10-11}. */
  static Optional<List<Integer>> parseList(String text) {
    List<Integer> cpus = new ArrayList<>();
    try {
      for (String range : text.strip().split(",")) {
        if (range.isEmpty()) {
          continue;
        }
        int dash = range.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
        int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
        if (to < from || to - from > 65_536) {
          return Optional.empty();
        }
        for (int cpu = from; cpu <= to; cpu++) {
          cpus.add(cpu);
        }
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(cpus);
  }
}
