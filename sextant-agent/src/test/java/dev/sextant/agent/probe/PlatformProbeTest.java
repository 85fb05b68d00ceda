package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformProbeTest {
  private static final long GIB = 1024L * 1024L * 1024L;

  /** /sys/devices/system/cpu for CPUs whose hardware-thread siblings are given, cpu0 first. */
  private static FakeHost topology(FakeHost host, String online, String... siblings) {
    host.text("/sys/devices/system/cpu/online", online + "\n");
    for (int cpu = 0; cpu < siblings.length; cpu++) {
      host.text(
          "/sys/devices/system/cpu/cpu" + cpu + "/topology/core_cpus_list", siblings[cpu] + "\n");
    }
    return host;
  }

  /** A Debian 12 server on an Ice Lake Xeon: 2 cores, 4 threads, 16 GiB. */
  private static FakeHost debianXeon() {
    FakeHost host =
        new FakeHost()
            .file("/etc/os-release", "os-release/debian-12")
            .file("/proc/cpuinfo", "cpuinfo/x86_64-xeon-8375c")
            .file("/proc/meminfo", "meminfo/x86_64-16gib")
            .file("/proc/self/mounts", "mounts/debian-12-server")
            .text("/proc/sys/kernel/osrelease", "6.1.0-18-cloud-amd64\n")
            .text("/proc/sys/kernel/hostname", "gpu-node-7\n")
            .command("uname -m", CommandResult.ok("x86_64\n"))
            .disk("/", 53_660_876_800L)
            .disk("/boot/efi", 129_718_272L)
            .disk("/data", 1_099_511_627_776L)
            .disk("/srv/models", 1_099_511_627_776L)
            .disk("/mnt/scratch disk", 499_963_174_912L)
            .disk("/home", 10_995_116_277_760L)
            .disk("/run", 1_627_783_168L);
    return topology(host, "0-3", "0,2", "1,3", "0,2", "1,3");
  }

  @Test
  void a_debian_server_on_a_xeon_gives_exact_platform_facts() {
    ProbeResult result = new PlatformProbe().probe(debianXeon());

    assertThat(result.facts())
        .containsExactly(
            entry("cpu.arch", new Fact.Text("x86_64")),
            entry("cpu.cores", Fact.Number.of(2)),
            entry(
                "cpu.flags",
                Fact.Set.of(
                    List.of(
                        Fixtures.read("cpuinfo/x86_64-xeon-8375c")
                            .lines()
                            .filter(l -> l.startsWith("flags"))
                            .findFirst()
                            .orElseThrow()
                            .split(":\\s*", 2)[1]
                            .split(" ")))),
            entry("cpu.model", new Fact.Text("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz")),
            entry("cpu.threads", Fact.Number.of(4)),
            entry("cpu.vendor", new Fact.Text("GenuineIntel")),
            entry("disk.boot.efi.total", Fact.Quantity.bytes(129_718_272L)),
            entry("disk.data.total", Fact.Quantity.bytes(1_099_511_627_776L)),
            entry("disk.mnt.scratch_disk.total", Fact.Quantity.bytes(499_963_174_912L)),
            entry("disk.root.total", Fact.Quantity.bytes(53_660_876_800L)),
            entry("hostname", new Fact.Text("gpu-node-7")),
            entry("kernel.version", new Fact.Version("6.1.0-18-cloud-amd64")),
            entry("memory.total", Fact.Quantity.bytes(15_896_316L * 1024)),
            entry("os.id", new Fact.Text("debian")),
            entry("os.name", new Fact.Text("Debian GNU/Linux 12 (bookworm)")),
            entry("os.version", new Fact.Version("12")));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void cpu_flags_are_a_lower_case_set_that_holds_the_vector_extensions() {
    Fact flags = new PlatformProbe().probe(debianXeon()).facts().get("cpu.flags");

    assertThat(((Fact.Set) flags).values())
        .contains("avx2", "avx512f", "avx512_vnni", "sse4_2")
        .hasSize(106);
  }

  @Test
  void an_arm_server_names_its_core_from_the_implementer_and_part_and_lists_its_features() {
    FakeHost host =
        new FakeHost()
            .file("/etc/os-release", "os-release/ubuntu-22.04")
            .file("/proc/cpuinfo", "cpuinfo/aarch64-graviton2")
            .file("/proc/meminfo", "meminfo/aarch64-16gib")
            .text("/proc/sys/kernel/osrelease", "6.5.0-1014-aws\n")
            .text("/proc/sys/kernel/hostname", "ip-10-0-3-41\n")
            .command("uname -m", CommandResult.ok("aarch64\n"));
    topology(host, "0-3", "0", "1", "2", "3");

    ProbeResult result = new PlatformProbe().probe(host);

    assertThat(result.facts())
        .containsExactly(
            entry("cpu.arch", new Fact.Text("aarch64")),
            entry("cpu.cores", Fact.Number.of(4)),
            entry(
                "cpu.flags",
                Fact.Set.of(
                    List.of(
                        "fp",
                        "asimd",
                        "evtstrm",
                        "aes",
                        "pmull",
                        "sha1",
                        "sha2",
                        "crc32",
                        "atomics",
                        "fphp",
                        "asimdhp",
                        "cpuid",
                        "asimdrdm",
                        "lrcpc",
                        "dcpop",
                        "asimddp",
                        "ssbs"))),
            entry("cpu.model", new Fact.Text("Neoverse-N1")),
            entry("cpu.threads", Fact.Number.of(4)),
            entry("cpu.vendor", new Fact.Text("ARM")),
            entry("hostname", new Fact.Text("ip-10-0-3-41")),
            entry("kernel.version", new Fact.Version("6.5.0-1014-aws")),
            entry("memory.total", Fact.Quantity.bytes(15_988_096L * 1024)),
            entry("os.id", new Fact.Text("ubuntu")),
            entry("os.name", new Fact.Text("Ubuntu 22.04.4 LTS")),
            entry("os.version", new Fact.Version("22.04")));
    assertThat(result.warnings()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "os-release/debian-12,    debian, 12,     Debian GNU/Linux 12 (bookworm)",
    "os-release/ubuntu-22.04, ubuntu, 22.04,  Ubuntu 22.04.4 LTS",
    "os-release/rhel-9.4,     rhel,   9.4,    Red Hat Enterprise Linux 9.4 (Plow)",
    "os-release/alpine-3.19,  alpine, 3.19.1, Alpine Linux v3.19",
  })
  void os_release_gives_the_id_version_and_pretty_name(
      String fixture, String id, String version, String name) {
    ProbeResult result = new PlatformProbe().probe(new FakeHost().file("/etc/os-release", fixture));

    assertThat(result.facts())
        .containsEntry("os.id", new Fact.Text(id))
        .containsEntry("os.version", new Fact.Version(version))
        .containsEntry("os.name", new Fact.Text(name));
  }

  @Test
  void os_release_is_also_read_from_usr_lib() {
    ProbeResult result =
        new PlatformProbe()
            .probe(new FakeHost().file("/usr/lib/os-release", "os-release/rhel-9.4"));

    assertThat(result.facts()).containsEntry("os.id", new Fact.Text("rhel"));
  }

  @Test
  void in_a_container_only_the_root_counts_and_bind_mounted_files_are_no_disks() {
    FakeHost host =
        new FakeHost()
            .file("/proc/self/mounts", "mounts/docker-container")
            .disk("/", 53_660_876_800L);

    ProbeResult result = new PlatformProbe().probe(host);

    assertThat(result.facts()).containsOnlyKeys("disk.root.total");
  }

  @Test
  void without_sys_topology_threads_are_counted_in_cpuinfo_and_cores_come_from_oshi() {
    FakeHost host =
        new FakeHost()
            .file("/proc/cpuinfo", "cpuinfo/x86_64-xeon-8375c")
            .hardware(
                new HostHardware() {
                  @Override
                  public OptionalInt physicalCores() {
                    return OptionalInt.of(2);
                  }
                });

    ProbeResult result = new PlatformProbe().probe(host);

    assertThat(result.facts())
        .containsEntry("cpu.threads", Fact.Number.of(4))
        .containsEntry("cpu.cores", Fact.Number.of(2));
  }

  @Test
  void oshi_is_not_asked_what_the_files_answer() {
    HostHardware untouchable =
        new HostHardware() {
          @Override
          public OptionalInt physicalCores() {
            throw new AssertionError("OSHI asked for cores");
          }

          @Override
          public OptionalLong memoryTotal() {
            throw new AssertionError("OSHI asked for memory");
          }

          @Override
          public Optional<String> hostname() {
            throw new AssertionError("OSHI asked for the hostname");
          }

          @Override
          public Optional<String> kernel() {
            throw new AssertionError("OSHI asked for the kernel");
          }
        };

    ProbeResult result = new PlatformProbe().probe(debianXeon().hardware(untouchable));

    assertThat(result.facts())
        .containsKeys("cpu.cores", "memory.total", "hostname", "kernel.version");
  }

  @Test
  void a_host_without_proc_takes_every_fact_from_oshi() {
    HostHardware mac =
        new HostHardware() {
          @Override
          public Optional<String> osFamily() {
            return Optional.of("macOS");
          }

          @Override
          public Optional<String> osVersion() {
            return Optional.of("14.4.1");
          }

          @Override
          public Optional<String> kernel() {
            return Optional.of("23.4.0");
          }

          @Override
          public Optional<String> cpuVendor() {
            return Optional.of("Apple Inc.");
          }

          @Override
          public Optional<String> cpuModel() {
            return Optional.of("Apple M2 Pro");
          }

          @Override
          public OptionalInt physicalCores() {
            return OptionalInt.of(12);
          }

          @Override
          public OptionalInt logicalThreads() {
            return OptionalInt.of(12);
          }

          @Override
          public OptionalLong memoryTotal() {
            return OptionalLong.of(32 * GIB);
          }

          @Override
          public Optional<String> hostname() {
            return Optional.of("studio.local");
          }

          @Override
          public List<Disk> disks() {
            return List.of(new Disk("/", "apfs", 994_662_584_320L));
          }
        };
    FakeHost host = new FakeHost().hardware(mac).command("uname -m", CommandResult.ok("arm64\n"));

    ProbeResult result = new PlatformProbe().probe(host);

    assertThat(result.facts())
        .containsExactly(
            entry("cpu.arch", new Fact.Text("aarch64")),
            entry("cpu.cores", Fact.Number.of(12)),
            entry("cpu.model", new Fact.Text("Apple M2 Pro")),
            entry("cpu.threads", Fact.Number.of(12)),
            entry("cpu.vendor", new Fact.Text("Apple Inc.")),
            entry("disk.root.total", Fact.Quantity.bytes(994_662_584_320L)),
            entry("hostname", new Fact.Text("studio.local")),
            entry("kernel.version", new Fact.Version("23.4.0")),
            entry("memory.total", Fact.Quantity.bytes(32 * GIB)),
            entry("os.id", new Fact.Text("macos")),
            entry("os.name", new Fact.Text("macOS 14.4.1")),
            entry("os.version", new Fact.Version("14.4.1")));
  }

  @Test
  void without_uname_the_architecture_is_the_jvm_s_in_uname_s_words() {
    ProbeResult result = new PlatformProbe().probe(new FakeHost().property("os.arch", "amd64"));

    assertThat(result.facts()).containsEntry("cpu.arch", new Fact.Text("x86_64"));
  }

  @ParameterizedTest
  @CsvSource({
    "amd64, x86_64",
    "x86_64, x86_64",
    "arm64, aarch64",
    "aarch64, aarch64",
    "i386, i686",
    "ppc64le, ppc64le",
    "s390x, s390x",
    "riscv64, riscv64"
  })
  void architectures_are_named_as_uname_names_them(String given, String expected) {
    assertThat(Arch.normalise(given)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "/, disk.root.total",
    "/boot/efi, disk.boot.efi.total",
    "/data, disk.data.total",
    "/mnt/Scratch Disk, disk.mnt.scratch_disk.total"
  })
  void a_mount_point_becomes_a_dotted_fact_key(String mount, String key) {
    assertThat(Mounts.factKey(mount)).isEqualTo(key);
  }

  @Test
  void the_kernel_cpu_list_format_is_read_with_ranges_and_singles() {
    assertThat(CpuTopology.parseList("0-3,8,10-11\n")).contains(List.of(0, 1, 2, 3, 8, 10, 11));
    assertThat(CpuTopology.parseList("0")).contains(List.of(0));
    assertThat(CpuTopology.parseList("x-y")).isEmpty();
  }
}
