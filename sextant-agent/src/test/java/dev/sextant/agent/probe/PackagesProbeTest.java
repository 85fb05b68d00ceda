package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagesProbeTest {
  @Test
  void dpkg_gives_every_installed_package_and_its_version() {
    FakeHost host =
        new FakeHost()
            .command(
                PackagesProbe.DPKG,
                CommandResult.ok(Fixtures.read("packages/dpkg-query-debian-12")));

    ProbeResult result = new PackagesProbe().probe(host);

    assertThat(result.facts())
        .hasSize(25)
        .contains(
            entry("packages.libc6", new Fact.Version("2.36-9+deb12u14")),
            entry("packages.libstdc++6", new Fact.Version("12.2.0-14+deb12u1")),
            entry("packages.python3.11", new Fact.Version("3.11.2-6+deb12u6")),
            entry("packages.git", new Fact.Version("1:2.39.5-0+deb12u3")),
            entry("packages.openjdk-17-jre-headless", new Fact.Version("17.0.15+6-1~deb12u1")),
            entry("packages.linux-image-cloud-amd64", new Fact.Version("6.1.76-1")))
        .doesNotContainKey("packages.linux-image-6.1.0-17-cloud-amd64");
    assertThat(result.warnings()).isEmpty();
    assertThat(host.ran()).containsExactly(String.join(" ", PackagesProbe.DPKG));
  }

  @Test
  void rpm_is_asked_where_dpkg_is_absent_and_keys_are_no_packages() {
    FakeHost host =
        new FakeHost()
            .command(
                PackagesProbe.RPM, CommandResult.ok(Fixtures.read("packages/rpm-qa-rhel-9.4")));

    ProbeResult result = new PackagesProbe().probe(host);

    assertThat(result.facts())
        .hasSize(16)
        .contains(
            entry("packages.glibc", new Fact.Version("2.34-100.el9_4.2")),
            entry("packages.python3", new Fact.Version("3.9.18-3.el9")))
        .doesNotContainKey("packages.gpg-pubkey");
  }

  @Test
  void a_package_installed_in_several_versions_gives_the_highest() {
    FakeHost host =
        new FakeHost()
            .command(
                PackagesProbe.RPM, CommandResult.ok(Fixtures.read("packages/rpm-qa-rhel-9.4")));

    assertThat(new PackagesProbe().probe(host).facts())
        .containsEntry("packages.kernel-core", new Fact.Version("5.14.0-427.13.1.el9_4"));
  }

  @Test
  void a_host_without_dpkg_or_rpm_has_no_package_facts_and_a_note() {
    ProbeResult result = new PackagesProbe().probe(new FakeHost());

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes())
        .containsExactly("neither dpkg-query nor rpm found: no package facts");
  }

  @Test
  void output_cut_at_the_size_limit_keeps_the_complete_lines_and_warns() {
    String cut =
        "install ok installed\tbash\t5.2.15-2+b8\n"
            + "install ok installed\tcoreutils\t9.1-1\n"
            + "install ok installed\tcur";
    FakeHost host =
        new FakeHost()
            .command(
                PackagesProbe.DPKG,
                new CommandResult(CommandResult.Status.EXITED, 0, cut, "", true));

    ProbeResult result = new PackagesProbe().probe(host);

    assertThat(result.facts()).containsOnlyKeys("packages.bash", "packages.coreutils");
    assertThat(result.warnings())
        .containsExactly("dpkg-query output passed the size limit; the package list is incomplete");
  }

  @Test
  void a_failing_package_manager_is_a_warning() {
    FakeHost host =
        new FakeHost()
            .command(
                PackagesProbe.DPKG,
                CommandResult.exited(
                    2,
                    "",
                    "dpkg-query: error: parsing file '/var/lib/dpkg/status' near line 4242"));

    ProbeResult result = new PackagesProbe().probe(host);

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings())
        .containsExactly(
            "dpkg-query exit 2: dpkg-query: error: parsing file '/var/lib/dpkg/status' near line"
                + " 4242; no package facts");
  }

  @Test
  void versions_order_numerically_within_their_segments() {
    List<String> sorted =
        List.of("5.14.0-70.13.1.el9_0", "5.14.0-427.13.1.el9_4", "5.14.0-362.8.1.el9_3").stream()
            .sorted(VersionOrder::compare)
            .toList();

    assertThat(sorted)
        .containsExactly("5.14.0-70.13.1.el9_0", "5.14.0-362.8.1.el9_3", "5.14.0-427.13.1.el9_4");
    assertThat(VersionOrder.compare("2.36", "2.36")).isZero();
    assertThat(VersionOrder.compare("1.2", "1.2.1")).isNegative();
  }
}
