package dev.sextant.agent.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuidFlagsTest {
  @ParameterizedTest(name = "NFD {0} is /proc/cpuinfo {1}")
  @CsvSource({
    // the same name in lower case
    "AVX2, avx2",
    "AVX512F, avx512f",
    "AVX512BW, avx512bw",
    "AVX512IFMA, avx512ifma",
    "AVX512VBMI, avx512vbmi",
    "GFNI, gfni",
    "VAES, vaes",
    "HYPERVISOR, hypervisor",
    // klauspost/cpuid names that the kernel spells otherwise (arch/x86/include/asm/cpufeatures.h)
    "AESNI, aes",
    "FMA3, fma",
    "SHA, sha_ni",
    "AVX512VNNI, avx512_vnni",
    "AVX512BF16, avx512_bf16",
    "AVX512FP16, avx512_fp16",
    "AVX512VBMI2, avx512_vbmi2",
    "AVX512BITALG, avx512_bitalg",
    "AVX512VPOPCNTDQ, avx512_vpopcntdq",
    "AVX512VP2INTERSECT, avx512_vp2intersect",
    "AVXVNNI, avx_vnni",
    "AMXBF16, amx_bf16",
    "AMXINT8, amx_int8",
    "AMXTILE, amx_tile",
    "SSE3, pni",
    "SSE4, sse4_1",
    "SSE42, sse4_2",
    "CLMUL, pclmulqdq",
    "LZCNT, abm",
    "HTT, ht",
    "CMPXCHG8, cx8",
    "LAHF, lahf_lm",
    "X87, fpu",
    // arm64: NFD labels the kernel's hwcap names
    "ASIMD, asimd",
    "SVE2, sve2",
    "AES, aes"
  })
  void nfd_names_become_the_kernels_names(String nfd, String kernel) {
    assertThat(CpuidFlags.kernelName(nfd)).isEqualTo(kernel);
  }

  @Test
  void the_set_of_names_is_sorted_and_has_no_duplicates() {
    // AESNI on x86 and AES on arm64 are both the kernel's "aes".
    assertThat(CpuidFlags.kernelNames(List.of("AVX2", "AESNI", "AES", "ADX")))
        .containsExactly("adx", "aes", "avx2");
  }
}
