package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import org.junit.jupiter.api.Test;

class JavaProbeTest {
  @Test
  void the_running_jvm_gives_its_version_and_vendor() {
    FakeHost host =
        new FakeHost().property("java.version", "17.0.15").property("java.vendor", "Debian");

    assertThat(new JavaProbe().probe(host).facts())
        .containsExactly(
            entry("java.vendor", new Fact.Text("Debian")),
            entry("java.version", new Fact.Version("17.0.15")));
  }

  @Test
  void no_java_is_started_to_ask() {
    FakeHost host = new FakeHost().property("java.version", "21.0.3");

    new JavaProbe().probe(host);

    assertThat(host.ran()).isEmpty();
  }
}
