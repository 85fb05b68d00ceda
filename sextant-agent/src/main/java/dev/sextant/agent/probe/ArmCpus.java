package dev.sextant.agent.probe;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names for the implementer and part codes of Arm CPUs in {@code /proc/cpuinfo}, as util-linux's
 * lscpu names them, for the server and cloud cores a deployment is likely to meet. An unknown part
 * leaves the model to OSHI.
 */
final class ArmCpus {
  private ArmCpus() {}

  private static final Map<Integer, String> VENDORS =
      Map.of(
          0x41, "ARM",
          0x42, "Broadcom",
          0x43, "Cavium",
          0x46, "Fujitsu",
          0x48, "HiSilicon",
          0x4e, "NVIDIA",
          0x50, "APM",
          0x51, "Qualcomm",
          0x61, "Apple",
          0xc0, "Ampere");

  private static final Map<String, String> PARTS =
      Map.ofEntries(
          Map.entry("0x41:0xd03", "Cortex-A53"),
          Map.entry("0x41:0xd05", "Cortex-A55"),
          Map.entry("0x41:0xd07", "Cortex-A57"),
          Map.entry("0x41:0xd08", "Cortex-A72"),
          Map.entry("0x41:0xd09", "Cortex-A73"),
          Map.entry("0x41:0xd0a", "Cortex-A75"),
          Map.entry("0x41:0xd0b", "Cortex-A76"),
          Map.entry("0x41:0xd0c", "Neoverse-N1"),
          Map.entry("0x41:0xd0d", "Cortex-A77"),
          Map.entry("0x41:0xd40", "Neoverse-V1"),
          Map.entry("0x41:0xd41", "Cortex-A78"),
          Map.entry("0x41:0xd49", "Neoverse-N2"),
          Map.entry("0x41:0xd4f", "Neoverse-V2"),
          Map.entry("0x43:0x0af", "ThunderX2 99xx"),
          Map.entry("0x48:0xd01", "Kunpeng-920"),
          Map.entry("0x4e:0x004", "Carmel"),
          Map.entry("0xc0:0xac3", "Ampere-1"),
          Map.entry("0xc0:0xac4", "Ampere-1a"));

  static Optional<String> vendor(String implementer) {
    return code(implementer).map(VENDORS::get);
  }

  static Optional<String> model(String implementer, String part) {
    return code(implementer)
        .flatMap(i -> code(part).map(p -> String.format(Locale.ROOT, "0x%02x:0x%03x", i, p)))
        .map(PARTS::get);
  }

  private static Optional<Integer> code(String hex) {
    String digits = hex.strip().toLowerCase(Locale.ROOT);
    try {
      return Optional.of(
          Integer.parseInt(digits.startsWith("0x") ? digits.substring(2) : digits, 16));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
