package dev.sextant.server.targets.local;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL as it may appear in messages and logs. User information and the query are cut: validation
 * already refuses {@code user:password@}, but a presigned URL carries its signature in the query.
 */
final class RedactedUrl {
  private RedactedUrl() {}

  static String of(String url) {
    try {
      URI uri = new URI(url);
      if (uri.isOpaque() || uri.getScheme() == null) {
        return uri.getScheme() == null ? "(not a URL)" : uri.getScheme() + ":…";
      }
      String authority = uri.getRawAuthority();
      if (authority == null) {
        // file:///srv/a.jar has an empty authority; show it as written, not as file:/srv/a.jar
        authority = url.regionMatches(uri.getScheme().length(), "://", 0, 3) ? "//" : "";
      } else if (authority.contains("@")) {
        authority = "//…@" + authority.substring(authority.lastIndexOf('@') + 1);
      } else {
        authority = "//" + authority;
      }
      return uri.getScheme()
          + ":"
          + authority
          + (uri.getRawPath() == null ? "" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?…");
    } catch (URISyntaxException e) {
      return "(not a URL)";
    }
  }
}
