package dev.sextant.agent.kubernetes;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * CPU flag names as NFD labels them, in the names the Linux kernel prints in {@code /proc/cpuinfo},
 * so that a requirement such as {@code cpu.flags contains avx512_vnni} matches a Kubernetes node
 * and a host probed directly alike.
 *
 * <p>On x86 NFD labels the feature names of github.com/klauspost/cpuid ({@code
 * source/cpu/cpuid_amd64.go} returns {@code cpuid.CPU.FeatureSet()}); most are the kernel's name in
 * capitals ({@code AVX2}, {@code AVX512F}), but some are spelled differently, and those are listed
 * here against the kernel's {@code arch/x86/include/asm/cpufeatures.h}. On arm64 NFD labels the
 * kernel's hwcap names ({@code source/cpu/cpuid_arm64.go}), so lower case is the kernel's name.
 *
 * <p>NFD leaves some flags out by default (its {@code attributeBlacklist}: {@code SSE4}, {@code
 * SSE42}, {@code POPCNT}, {@code BMI2}, {@code F16C} and others), so their absence from a node's
 * labels does not mean the CPU lacks them.
 */
final class CpuidFlags {
  /** klauspost/cpuid name → kernel name, where the two differ by more than case. */
  private static final Map<String, String> KERNEL_NAMES =
      Map.ofEntries(
          Map.entry("AESNI", "aes"),
          Map.entry("AMXBF16", "amx_bf16"),
          Map.entry("AMXINT8", "amx_int8"),
          Map.entry("AMXTILE", "amx_tile"),
          Map.entry("AVX512BF16", "avx512_bf16"),
          Map.entry("AVX512BITALG", "avx512_bitalg"),
          Map.entry("AVX512FP16", "avx512_fp16"),
          Map.entry("AVX512VBMI2", "avx512_vbmi2"),
          Map.entry("AVX512VNNI", "avx512_vnni"),
          Map.entry("AVX512VP2INTERSECT", "avx512_vp2intersect"),
          Map.entry("AVX512VPOPCNTDQ", "avx512_vpopcntdq"),
          Map.entry("AVXVNNI", "avx_vnni"),
          Map.entry("CETIBT", "ibt"),
          Map.entry("CLMUL", "pclmulqdq"),
          Map.entry("CMPXCHG8", "cx8"),
          Map.entry("CPBOOST", "cpb"),
          Map.entry("FMA3", "fma"),
          Map.entry("FXSROPT", "fxsr_opt"),
          Map.entry("HTT", "ht"),
          Map.entry("LAHF", "lahf_lm"),
          Map.entry("LZCNT", "abm"),
          Map.entry("SHA", "sha_ni"),
          Map.entry("SSE3", "pni"),
          Map.entry("SSE4", "sse4_1"),
          Map.entry("SSE42", "sse4_2"),
          Map.entry("SYSEE", "sep"),
          Map.entry("TOPEXT", "topoext"),
          Map.entry("X87", "fpu"));

  private CpuidFlags() {}

  /** The kernel's name for one flag as NFD labels it. */
  static String kernelName(String nfdName) {
    return KERNEL_NAMES.getOrDefault(nfdName, nfdName.toLowerCase(Locale.ROOT));
  }

  static SortedSet<String> kernelNames(Collection<String> nfdNames) {
    TreeSet<String> names = new TreeSet<>();
    nfdNames.forEach(name -> names.add(kernelName(name)));
    return names;
  }
}
