package dev.sextant.agent.kubernetes;

import static dev.sextant.agent.kubernetes.ExpectedFacts.facts;
import static dev.sextant.agent.kubernetes.ExpectedFacts.kibibytes;
import static dev.sextant.agent.kubernetes.ExpectedFacts.mebibytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.KnownFacts;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Each fixture node, a real label set, gives exactly the facts its labels and status say. */
class NodeFactsFixturesTest {
  @Test
  void every_key_a_fixture_node_gives_is_one_that_validate_and_plan_know() {
    for (String fixture :
        List.of(
            Fixtures.H100,
            Fixtures.A100_MIG,
            Fixtures.SAPPHIRE_RAPIDS,
            Fixtures.GRACE,
            Fixtures.GKE_T4)) {
      assertThat(NodeFacts.of(Fixtures.node(fixture)).keySet())
          .as(fixture)
          .allSatisfy(key -> assertThat(KnownFacts.unknown(key)).as(key).isEmpty());
    }
  }

  @Test
  void an_h100_node_with_nfd_and_gfd_gives_platform_cpu_and_gpu_facts() {
    SortedMap<String, Fact> facts = NodeFacts.of(Fixtures.node(Fixtures.H100));

    assertThat(facts)
        .isEqualTo(
            facts()
                .text("hostname", "gpu-h100-0")
                .text("os.id", "ubuntu")
                .version("os.version", "22.04")
                .text("os.image", "Ubuntu 22.04.3 LTS")
                .version("kernel.version", "5.15.0-89-generic")
                .text("cpu.arch", "x86_64")
                .text("cpu.vendor", "Intel")
                .put("cpu.cores", Fact.Number.of(208))
                .put("memory.total", kibibytes(1887436800L))
                .set(
                    "cpu.flags",
                    "adx",
                    "aes",
                    "amx_bf16",
                    "amx_int8",
                    "amx_tile",
                    "avx",
                    "avx2",
                    "avx512_bf16",
                    "avx512_bitalg",
                    "avx512bw",
                    "avx512cd",
                    "avx512dq",
                    "avx512f",
                    "avx512_fp16",
                    "avx512ifma",
                    "avx512vbmi",
                    "avx512_vbmi2",
                    "avx512vl",
                    "avx512_vnni",
                    "avx512_vpopcntdq",
                    "avx_vnni",
                    "cx8",
                    "fma",
                    "fsrm",
                    "fxsr",
                    "fxsr_opt",
                    "gfni",
                    "hypervisor",
                    "lahf_lm",
                    "movbe",
                    "movdir64b",
                    "movdiri",
                    "osxsave",
                    "serialize",
                    "sha_ni",
                    "syscall",
                    "sep",
                    "tsxldtrk",
                    "vaes",
                    "vpclmulqdq",
                    "waitpkg",
                    "wbnoinvd",
                    "fpu",
                    "xgetbv1",
                    "xsave",
                    "xsavec",
                    "xsaveopt",
                    "xsaves")
                .text("container.runtime", "containerd")
                .version("container.runtime.version", "1.7.21-k3s2")
                .version("kubelet.version", "1.30.5+k3s1")
                .flag("gpu.present", true)
                .number("gpu.count", 8)
                .eachGpu(8, "model", new Fact.Text("NVIDIA-H100-80GB-HBM3"))
                .eachGpu(8, "memory", mebibytes(81559))
                .eachGpu(8, "compute_capability", new Fact.Version("9.0"))
                .text("gpu.family", "hopper")
                .version("gpu.driver.version", "535.129.03")
                .version("cuda.driver.max", "12.2")
                .number("gpu.replicas", 1)
                .text("gpu.sharing", "none")
                .text("mig.strategy", "single")
                .flag("mig.capable", true)
                .text("mig.config", "all-disabled")
                .build());
  }

  @Test
  void an_a100_node_in_mig_single_mode_with_only_deprecated_version_labels() {
    SortedMap<String, Fact> facts = NodeFacts.of(Fixtures.node(Fixtures.A100_MIG));

    assertThat(facts)
        .isEqualTo(
            facts()
                .text("hostname", "dgx-a100-07")
                .text("os.id", "ubuntu")
                .version("os.version", "20.04")
                .text("os.image", "Ubuntu 20.04.5 LTS")
                .version("kernel.version", "5.4.0-125-generic")
                .text("cpu.arch", "x86_64")
                .text("cpu.vendor", "AMD")
                .put("cpu.cores", Fact.Number.of(256))
                .put("memory.total", kibibytes(1056640788L))
                .set(
                    "cpu.flags",
                    "adx",
                    "aes",
                    "avx",
                    "avx2",
                    "clzero",
                    "cpb",
                    "fma",
                    "ibpb",
                    "mcaoverflow",
                    "sha_ni",
                    "sse4a",
                    "stibp",
                    "succor",
                    "svm",
                    "wbnoinvd")
                .text("container.runtime", "containerd")
                .version("container.runtime.version", "1.6.8")
                .version("kubelet.version", "1.24.6")
                .flag("gpu.present", true)
                .number("gpu.count", 56)
                .eachGpu(56, "model", new Fact.Text("NVIDIA-A100-SXM4-40GB"))
                .eachGpu(56, "mig.profile", new Fact.Text("1g.5gb"))
                .eachGpu(56, "memory", mebibytes(4864))
                .eachGpu(56, "compute_capability", new Fact.Version("8.0"))
                .text("gpu.family", "ampere")
                .version("gpu.driver.version", "470.141.03")
                .version("cuda.driver.max", "11.4")
                .number("gpu.replicas", 1)
                .text("mig.strategy", "single")
                .flag("mig.capable", true)
                .build());
  }

  @Test
  void a_cpu_only_node_gives_its_cpuid_flags_in_kernel_names_and_no_gpu_facts() {
    SortedMap<String, Fact> facts = NodeFacts.of(Fixtures.node(Fixtures.SAPPHIRE_RAPIDS));

    assertThat(facts)
        .isEqualTo(
            facts()
                .text("hostname", "node1")
                .text("os.id", "rocky")
                .version("os.version", "9.0")
                .text("os.image", "Rocky Linux 9.0 (Blue Onyx)")
                .version("kernel.version", "5.14.0-70.13.1.el9_0.x86_64")
                .text("cpu.arch", "x86_64")
                .text("cpu.vendor", "Intel")
                .put("cpu.cores", Fact.Number.of(224))
                .put("memory.total", kibibytes(527866152L))
                .set(
                    "cpu.flags",
                    "adx",
                    "aes",
                    "amx_bf16",
                    "amx_int8",
                    "amx_tile",
                    "avx",
                    "avx2",
                    "avx512_bf16",
                    "avx512_bitalg",
                    "avx512bw",
                    "avx512cd",
                    "avx512dq",
                    "avx512f",
                    "avx512_fp16",
                    "avx512ifma",
                    "avx512vbmi",
                    "avx512_vbmi2",
                    "avx512vl",
                    "avx512_vnni",
                    "avx512_vp2intersect",
                    "avx512_vpopcntdq",
                    "cetss",
                    "cldemote",
                    "cx8",
                    "enqcmd",
                    "fma",
                    "fpu",
                    "fxsr",
                    "fxsr_opt",
                    "gfni",
                    "ibpb",
                    "ibt",
                    "lahf_lm",
                    "movbe",
                    "movdir64b",
                    "movdiri",
                    "osxsave",
                    "sce",
                    "serialize",
                    "sha_ni",
                    "stibp",
                    "tsxldtrk",
                    "vaes",
                    "vmx",
                    "vpclmulqdq",
                    "waitpkg",
                    "wbnoinvd",
                    "xsave")
                .text("container.runtime", "containerd")
                .version("container.runtime.version", "1.6.15")
                .version("kubelet.version", "1.25.6")
                .build());
    assertThat(facts.keySet()).noneMatch(key -> key.startsWith("gpu") || key.startsWith("cuda"));
  }

  @Test
  void an_arm64_node_gives_aarch64_its_hwcap_flags_and_a_gpu_that_gfd_has_not_yet_described() {
    SortedMap<String, Fact> facts = NodeFacts.of(Fixtures.node(Fixtures.GRACE));

    assertThat(facts)
        .isEqualTo(
            facts()
                .text("hostname", "erife-arm-openshift-4-21-5-gpu01")
                .text("os.id", "rhel")
                .version("os.version", "10.1")
                .text("os.image", "Red Hat Enterprise Linux CoreOS 10.1.20260126-0 (Coughlan)")
                .version("kernel.version", "6.12.0-211.4.el10nv.aarch64_64k")
                .text("cpu.arch", "aarch64")
                .text("cpu.vendor", "ARM")
                .put("cpu.cores", Fact.Number.of(72))
                .put("memory.total", kibibytes(493557120L))
                .set(
                    "cpu.flags",
                    "aes",
                    "asimd",
                    "asimddp",
                    "asimdfhm",
                    "asimdhp",
                    "asimdrdm",
                    "atomics",
                    "bf16",
                    "bti",
                    "cpuid",
                    "crc32",
                    "dcpodp",
                    "dcpop",
                    "dgh",
                    "dit",
                    "evtstrm",
                    "fcma",
                    "flagm",
                    "flagm2",
                    "fp",
                    "fphp",
                    "frint",
                    "i8mm",
                    "ilrcpc",
                    "jscvt",
                    "lrcpc",
                    "paca",
                    "pacg",
                    "pmull",
                    "sb",
                    "sha1",
                    "sha2",
                    "sha3",
                    "sha512",
                    "sm3",
                    "sm4",
                    "sve",
                    "sve2",
                    "sveaes",
                    "svebf16",
                    "svebitperm",
                    "svei8mm",
                    "svepmull",
                    "svesha3",
                    "svesm4",
                    "uscat")
                .text("container.runtime", "cri-o")
                .version("container.runtime.version", "1.34.2-2.rhaos4.21.git0b6bd3a.el10")
                .version("kubelet.version", "1.34.2")
                .flag("gpu.present", true)
                .build());
  }

  @Test
  void a_node_without_nfd_or_gfd_is_described_by_its_status_alone() {
    SortedMap<String, Fact> facts = NodeFacts.of(Fixtures.node(Fixtures.GKE_T4));

    assertThat(facts)
        .isEqualTo(
            facts()
                .text("hostname", "gke-ml-t4-pool-2c9f1a3e-x7kq")
                .text("os.image", "Container-Optimized OS from Google")
                .version("kernel.version", "5.4.170+")
                .text("cpu.arch", "x86_64")
                .put("cpu.cores", Fact.Number.of(4))
                .put("memory.total", kibibytes(15358176L))
                .text("container.runtime", "containerd")
                .version("container.runtime.version", "1.4.8")
                .version("kubelet.version", "1.21.9-gke.1002")
                .number("gpu.count", 1)
                .flag("gpu.present", true)
                .build());
  }

  @Test
  void the_same_node_read_twice_gives_equal_facts() {
    for (String fixture : Fixtures.ALL) {
      assertThat(NodeFacts.of(Fixtures.node(fixture)))
          .as(fixture)
          .isEqualTo(NodeFacts.of(Fixtures.node(fixture)));
    }
  }
}
