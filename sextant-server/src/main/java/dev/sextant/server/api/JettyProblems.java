package dev.sextant.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors as problem+json instead of its HTML page: requests it refuses before any route
 * runs (a bad escape such as {@code %zz}, a control character, headers over the limit) and errors
 * it raises outside Javalin's handlers.
 */
final class JettyProblems extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int maxHeaderBytes;

  JettyProblems(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ProblemJson.MEDIA_TYPE);
    return ByteBuffer.wrap(body(status, reason, null));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType(ProblemJson.MEDIA_TYPE);
    byte[] body = body(code, message, null);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private byte[] body(int status, String reason, String instance) {
    ObjectNode problem =
        ProblemJson.of(status, type(status), title(status), detail(status, reason), instance);
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private String detail(int status, String reason) {
    if (status == 431) {
      return "the request's headers are larger than the limit of " + maxHeaderBytes + " bytes";
    }
    String why = reason == null || reason.isBlank() ? "" : ": " + ResourceRoutes.clean(reason);
    if (status == 400) {
      return "the request is not valid HTTP (a bad %-escape in its path, a control character in a"
          + " header, or a malformed header)"
          + why;
    }
    return "the request was refused" + why;
  }

  private static String type(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 413 -> "content-too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      default -> "http-" + status;
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 413 -> "Content too large";
      case 414 -> "URI too long";
      case 431 -> "Request header fields too large";
      default -> status >= 500 ? "Internal error" : "Refused";
    };
  }
}
