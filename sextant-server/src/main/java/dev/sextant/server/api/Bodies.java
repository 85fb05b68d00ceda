package dev.sextant.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body without ever holding more than the limit in memory. */
final class Bodies {
  private Bodies() {}

  static byte[] read(Context ctx, long limit) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) limit + 1);
      if (body.length > limit) {
        throw tooLarge(limit);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException tooLarge(long limit) {
    return ApiException.tooLarge("request body is larger than the limit of " + limit + " bytes");
  }
}
