package dev.sextant.server.api;

/**
 * A request the API refuses, named for the response it produces (as Javalin names its own:
 * NotFoundResponse, BadRequestResponse). Rendered as RFC 9457 problem+json in one place.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final java.util.Set<String> allow;

  private ApiException(int status, String type, String title, String detail) {
    this(status, type, title, detail, java.util.Set.of());
  }

  private ApiException(int status, String type, String title, String detail, java.util.Set<String> allow) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.allow = allow;
  }

  /** A path served, but not with this method; {@code allow} becomes the Allow header. */
  public static ApiException methodNotAllowed(String method, String path, java.util.Set<String> allow) {
    return new ApiException(405, "method-not-allowed", "Method not allowed", method + " is not allowed on " + path + "; it takes " + String.join(", ", allow), allow);
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
