package dev.sextant.server.api;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.0 over a plain socket, for the requests a conforming client cannot send, and so neither
 * {@link dev.sextant.api.ApiClient} (the one client of the API, which every other test uses) nor
 * the {@code java.net.http} client under it will: bad %-escapes, control characters in headers,
 * headers over the server's limit; the tests of what the server refuses use it. HTTP/1.0 so that
 * the answer is neither chunked nor kept alive.
 */
final class RawHttp {
  private RawHttp() {}

  record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(ApiResponse response) {
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
      return new Answer(response.status(), headers, response.body());
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  /**
   * Sends the request through the API's client when it is one a conforming client can send, and
   * over a socket only when the client refuses it (an illegal URI or header).
   */
  static Answer send(
      ApiClient client,
      int port,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body)
      throws IOException {
    try {
      return Answer.of(client.exchange(method, target, headers, body));
    } catch (IllegalArgumentException notConforming) {
      return send(port, method, target, headers, body);
    }
  }

  /** Sends a request line, headers (each "Name: value") and a body; reads the whole answer. */
  static Answer send(
      int port, String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    StringBuilder head =
        new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body.length > 0) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
      Map<String, String> answerHeaders = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          answerHeaders.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      return new Answer(status, answerHeaders, end < 0 ? "" : text.substring(end + 4));
    }
  }
}
