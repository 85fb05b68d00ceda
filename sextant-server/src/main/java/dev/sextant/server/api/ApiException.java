package dev.sextant.server.api;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;

/**
 * A request the API refuses, named for the response it produces (as Javalin names its own:
 * NotFoundResponse, BadRequestResponse). Rendered as RFC 9457 problem+json in one place. It keeps
 * its own status and problem type, finer than its {@linkplain #kind() kind} (a 405, 413, 415 or 431
 * is each {@link ProblemKind#INVALID}).
 */
public final class ApiException extends RuntimeException implements Failure {
  private final int status;
  private final String type;
  private final String title;
  private final java.util.Set<String> allow;

  private ApiException(int status, String type, String title, String detail) {
    this(status, type, title, detail, java.util.Set.of());
  }

  private ApiException(
      int status, String type, String title, String detail, java.util.Set<String> allow) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.allow = allow;
  }

  /** A path served, but not with this method; {@code allow} becomes the Allow header. */
  public static ApiException methodNotAllowed(
      String method, String path, java.util.Set<String> allow) {
    return new ApiException(
        405,
        "method-not-allowed",
        "Method not allowed",
        method + " is not allowed on " + path + "; it takes " + String.join(", ", allow),
        allow);
  }

  /** A query parameter, path parameter or header that is not what the route takes. */
  public static ApiException invalidParameter(String detail) {
    return new ApiException(400, "invalid-parameter", "Invalid parameter", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad-request", "Bad request", detail);
  }

  public static ApiException tooLarge(String detail) {
    return new ApiException(413, "content-too-large", "Content too large", detail);
  }

  public static ApiException unsupportedMediaType(String detail) {
    return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail);
  }

  /** The methods the path takes, for a 405; empty otherwise. */
  public java.util.Set<String> allow() {
    return allow;
  }

  @Override
  public ProblemKind kind() {
    return switch (status) {
      case 401 -> ProblemKind.UNAUTHORIZED;
      case 403 -> ProblemKind.FORBIDDEN;
      case 404 -> ProblemKind.NOT_FOUND;
      case 409 -> ProblemKind.CONFLICT;
      case 502, 503, 504 -> ProblemKind.UNAVAILABLE;
      default -> status >= 500 ? ProblemKind.INTERNAL : ProblemKind.INVALID;
    };
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }
}
