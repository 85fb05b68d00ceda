package dev.sextant.agent.kubernetes;

import dev.sextant.agent.kubernetes.KubernetesDiscoveryException.Reason;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * fabric8 clients configured the way kubectl would be: from a kubeconfig file and one of its
 * contexts, or from the default places ({@code KUBECONFIG}, {@code ~/.kube/config}, or the pod's
 * service account inside a cluster).
 *
 * <p>fabric8 retries a request that fails to connect with exponential back-off, ten times by
 * default, which leaves a user facing an unreachable cluster waiting for minutes; discovery is run
 * on a schedule anyway, so it tries twice and gives a clear error instead.
 */
public final class KubernetesClients {
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  static final int REQUEST_TIMEOUT_MILLIS = 30_000;
  static final int RETRIES = 1;

  private KubernetesClients() {}

  /**
   * A client for the cluster that {@code kubeconfig} describes, through {@code context} or, when
   * empty, its current context.
   *
   * @throws KubernetesDiscoveryException {@link Reason#CONFIGURATION} when the file cannot be read
   *     or has no such context
   */
  public static KubernetesClient fromKubeconfig(Path kubeconfig, Optional<String> context) {
    if (!Files.isRegularFile(kubeconfig) || !Files.isReadable(kubeconfig)) {
      throw configuration(
          kubeconfig, "cannot read kubeconfig " + kubeconfig + ": no such file", null);
    }
    Config config;
    try {
      config = Config.fromKubeconfig(context.orElse(null), kubeconfig.toFile());
    } catch (RuntimeException e) {
      throw configuration(
          kubeconfig, "cannot use kubeconfig " + kubeconfig + ": " + Failures.describe(e), e);
    }
    if (context.isPresent()
        && (config.getCurrentContext() == null
            || !context.get().equals(config.getCurrentContext().getName()))) {
      throw configuration(
          kubeconfig,
          "kubeconfig " + kubeconfig + " has no context \"" + context.get() + "\"",
          null);
    }
    return build(config);
  }

  /** A client configured as kubectl would be without flags. */
  public static KubernetesClient fromDefaultConfig() {
    try {
      return build(Config.autoConfigure(null));
    } catch (RuntimeException e) {
      throw new KubernetesDiscoveryException(
          Reason.CONFIGURATION,
          "",
          OptionalInt.empty(),
          "cannot configure a Kubernetes client: " + Failures.describe(e),
          e);
    }
  }

  static KubernetesClient build(Config config) {
    config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
    config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
    config.setRequestRetryBackoffLimit(RETRIES);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static KubernetesDiscoveryException configuration(
      Path kubeconfig, String message, Throwable cause) {
    return new KubernetesDiscoveryException(
        Reason.CONFIGURATION, kubeconfig.toString(), OptionalInt.empty(), message, cause);
  }
}
