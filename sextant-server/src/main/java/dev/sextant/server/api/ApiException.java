package dev.sextant.server.api;

/**
 * A request the API refuses, named for the response it produces (as Javalin names its own:
 * NotFoundResponse, BadRequestResponse). Rendered as RFC 9457 problem+json in one place.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;

  private ApiException(int status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
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
