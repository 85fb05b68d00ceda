package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import org.junit.jupiter.api.Test;

class LibcProbeTest {
  private static final String GETCONF = "getconf GNU_LIBC_VERSION";

  @Test
  void debian_12_has_glibc_2_36_by_getconf() {
    FakeHost host =
        new FakeHost()
            .command(GETCONF, CommandResult.ok(Fixtures.read("libc/getconf-debian-12.stdout")));

    ProbeResult result = new LibcProbe().probe(host);

    assertThat(result.facts())
        .containsExactly(
            entry("libc.family", new Fact.Text("glibc")),
            entry("libc.version", new Fact.Version("2.36")));
    assertThat(host.ran()).containsExactly(GETCONF);
  }

  @Test
  void rhel_9_has_glibc_2_34_by_getconf() {
    FakeHost host =
        new FakeHost()
            .command(GETCONF, CommandResult.ok(Fixtures.read("libc/getconf-rhel-9.stdout")));

    assertThat(new LibcProbe().probe(host).facts())
        .containsEntry("libc.version", new Fact.Version("2.34"));
  }

  @Test
  void alpine_has_musl_whose_version_its_loader_prints() {
    FakeHost host =
        new FakeHost()
            .command(
                GETCONF,
                CommandResult.exited(1, "", Fixtures.read("libc/getconf-alpine-3.19.stderr")))
            .path("/lib/ld-musl-x86_64.so.1")
            .command(
                "/lib/ld-musl-x86_64.so.1",
                CommandResult.exited(1, "", Fixtures.read("libc/ld-musl-alpine-3.19.stderr")))
            .command(
                "ldd --version",
                CommandResult.exited(1, "", Fixtures.read("libc/ldd-version-alpine-3.19.stderr")));

    ProbeResult result = new LibcProbe().probe(host);

    assertThat(result.facts())
        .containsExactly(
            entry("libc.family", new Fact.Text("musl")),
            entry("libc.version", new Fact.Version("1.2.4")));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void musl_on_arm_is_found_by_its_loader_too() {
    String banner = Fixtures.read("libc/ld-musl-alpine-3.19.stderr").replace("x86_64", "aarch64");
    FakeHost host =
        new FakeHost()
            .path("/lib/ld-musl-aarch64.so.1")
            .command("/lib/ld-musl-aarch64.so.1", CommandResult.exited(1, "", banner));

    assertThat(new LibcProbe().probe(host).facts())
        .containsEntry("libc.family", new Fact.Text("musl"));
  }

  @Test
  void without_getconf_glibc_is_read_from_ldd() {
    FakeHost debian =
        new FakeHost()
            .command(
                "ldd --version",
                CommandResult.ok(Fixtures.read("libc/ldd-version-debian-12.stdout")));
    FakeHost rhel =
        new FakeHost()
            .command(
                "ldd --version", CommandResult.ok(Fixtures.read("libc/ldd-version-rhel-9.stdout")));

    assertThat(new LibcProbe().probe(debian).facts())
        .containsExactly(
            entry("libc.family", new Fact.Text("glibc")),
            entry("libc.version", new Fact.Version("2.36")));
    assertThat(new LibcProbe().probe(rhel).facts())
        .containsEntry("libc.version", new Fact.Version("2.34"));
  }

  @Test
  void musl_without_a_readable_version_is_still_musl_with_a_warning() {
    FakeHost host =
        new FakeHost()
            .command(
                "ldd --version",
                CommandResult.exited(1, "", Fixtures.read("libc/ldd-version-alpine-3.19.stderr")));

    ProbeResult result = new LibcProbe().probe(host);

    assertThat(result.facts()).containsExactly(entry("libc.family", new Fact.Text("musl")));
    assertThat(result.warnings()).containsExactly("musl found but its version could not be read");
  }

  @Test
  void no_libc_found_at_all_is_a_warning() {
    ProbeResult result = new LibcProbe().probe(new FakeHost());

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings())
        .containsExactly("libc unknown: getconf not found, no musl loader, ldd not found");
  }
}
