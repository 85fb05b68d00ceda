package dev.sextant.agent.kubernetes;

import dev.sextant.agent.kubernetes.KubernetesDiscoveryException.Reason;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.OptionalInt;

/**
 * Turns what the fabric8 client throws into a {@link KubernetesDiscoveryException} that says, in
 * one sentence, what happened and what to do. fabric8 reports an HTTP error with its status code
 * and the API server's {@code Status} message, and a transport failure (refused, unresolvable,
 * timed out, TLS) with a code below 1 and the I/O exception as its cause.
 */
final class Failures {
  private Failures() {}

  static KubernetesDiscoveryException listingNodes(String server, KubernetesClientException e) {
    int code = e.getCode();
    if (code <= 0) {
      if (interrupted(e)) {
        Thread.currentThread().interrupt();
      }
      return new KubernetesDiscoveryException(
          Reason.UNREACHABLE,
          server,
          OptionalInt.empty(),
          "cannot reach the Kubernetes API server at " + server + ": " + describe(e),
          e);
    }
    String at = "the Kubernetes API server at " + server;
    String said = apiMessage(e);
    return switch (code) {
      case 401 ->
          answered(
              Reason.UNAUTHORIZED,
              server,
              e,
              at
                  + " did not accept the credentials (HTTP 401 Unauthorized)"
                  + said
                  + "; check the user of the kubeconfig context, its token or certificate may"
                  + " have expired");
      case 403 ->
          answered(
              Reason.FORBIDDEN,
              server,
              e,
              at
                  + " does not allow this identity to list nodes (HTTP 403 Forbidden)"
                  + said
                  + "; grant it get, list and watch on nodes through a ClusterRole and"
                  + " ClusterRoleBinding");
      case 404 ->
          answered(
              Reason.REJECTED,
              server,
              e,
              at + " has no nodes API (HTTP 404)" + said + "; check that it is a Kubernetes API");
      default ->
          answered(
              Reason.REJECTED, server, e, at + " refused to list nodes (HTTP " + code + ")" + said);
    };
  }

  private static KubernetesDiscoveryException answered(
      Reason reason, String server, KubernetesClientException e, String message) {
    return new KubernetesDiscoveryException(
        reason, server, OptionalInt.of(e.getCode()), message, e);
  }

  /**
   * The message of the innermost cause, which names the real problem ("Connection refused"), on one
   * line. Parsers quote the offending line of the file, indented, under their message; those quotes
   * are left out, since the line of a kubeconfig may hold a token.
   */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = oneLine(root.getMessage());
    if (message.isEmpty()) {
      message = oneLine(e.getMessage());
    }
    if (message.isEmpty()) {
      return root.getClass().getSimpleName();
    }
    return root instanceof java.net.UnknownHostException ? "unknown host " + message : message;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder line = new StringBuilder();
    for (String part : message.split("\\R")) {
      if (part.startsWith("    ") || part.isBlank()) {
        continue;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(part.strip());
    }
    String joined = line.toString();
    return joined.endsWith(":") ? joined.substring(0, joined.length() - 1) : joined;
  }

  private static String apiMessage(KubernetesClientException e) {
    Status status = e.getStatus();
    String message = status == null ? null : status.getMessage();
    return message == null || message.isBlank() ? "" : ": " + message;
  }

  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }
}
