package dev.sextant.agent.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The Node manifests under {@code src/test/resources/fixtures/nodes/}. */
final class Fixtures {
  static final String H100 = "gpu-h100-sxm";
  static final String A100_MIG = "gpu-a100-mig-single";
  static final String SAPPHIRE_RAPIDS = "cpu-sapphire-rapids";
  static final String GRACE = "arm64-grace";
  static final String GKE_T4 = "status-only-gke-t4";
  static final List<String> ALL = List.of(H100, A100_MIG, SAPPHIRE_RAPIDS, GRACE, GKE_T4);

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Fixtures() {}

  static Node node(String fixture) {
    String path = "/fixtures/nodes/" + fixture + ".yaml";
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return YAML.unmarshal(in, Node.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
