package dev.sextant.server.access;

import dev.sextant.server.store.StoredToken;

/**
 * A token just made: the only moment its text exists outside its holder's hands. {@link
 * #toString()} leaves the text out, should it be logged.
 */
public record IssuedToken(StoredToken stored, String text) {
  @Override
  public String toString() {
    return "IssuedToken[" + stored.id() + " for " + stored.identity() + "]";
  }
}
