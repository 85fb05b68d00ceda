package dev.sextant.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds fields named like secrets ({@code token}, {@code apiKey}, {@code client_secret}, {@code
 * password}, …) in an event's detail. Names are split into words at case changes, digits and
 * punctuation, so {@code accessToken} and {@code DB_PASSWORD} are found while {@code tokenizer},
 * {@code publicKey} and {@code keyId} are not. A name that ends in a word of reference ({@code
 * secretRef}, {@code passwordFile}, {@code tokenId}) is not a secret: references are what Sextant
 * keeps in place of secrets.
 */
final class SecretNames {
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "token",
          "tokens",
          "secret",
          "secrets",
          "password",
          "passwords",
          "passwd",
          "passphrase",
          "pwd",
          "credential",
          "credentials",
          "apikey",
          "authorization",
          "cookie",
          "privatekey");
  private static final Set<List<String>> SECRET_PAIRS =
      Set.of(List.of("api", "key"), List.of("private", "key"), List.of("access", "key"));
  private static final Set<String> REFERENCE_WORDS =
      Set.of("ref", "refs", "reference", "path", "file", "name", "id");
  private static final Pattern WORD_BOUNDARY =
      Pattern.compile("[^A-Za-z]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  private SecretNames() {}

  /**
   * The answers so far, by name: events use few field names, and each stored event is scanned again
   * when it is read back (a million of them when the ledger is verified). Bounded, so that names
   * made up by callers cannot grow it without end; past the bound names are split each time.
   */
  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

  private static final int MAX_KNOWN = 10_000;

  /** Whether a field of that name would hold a secret. */
  static boolean isSecret(String fieldName) {
    Boolean known = KNOWN.get(fieldName);
    if (known != null) {
      return known;
    }
    boolean secret = splitIsSecret(fieldName);
    if (KNOWN.size() < MAX_KNOWN) {
      KNOWN.put(fieldName, secret);
    }
    return secret;
  }

  private static boolean splitIsSecret(String fieldName) {
    List<String> words =
        WORD_BOUNDARY
            .splitAsStream(fieldName)
            .filter(word -> !word.isEmpty())
            .map(word -> word.toLowerCase(Locale.ROOT))
            .toList();
    if (words.isEmpty() || REFERENCE_WORDS.contains(words.get(words.size() - 1))) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      if (SECRET_WORDS.contains(words.get(i))) {
        return true;
      }
      if (i + 1 < words.size() && SECRET_PAIRS.contains(words.subList(i, i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** The path of the first field named like a secret, at any depth, e.g. {@code /auth/token}. */
  static Optional<String> find(JsonNode node) {
    return find(node, "");
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isSecret(field.getKey())) {
          return Optional.of(path + "/" + field.getKey());
        }
        // Only containers hold more names; a path is made only for them.
        if (!field.getValue().isContainerNode()) {
          continue;
        }
        Optional<String> inside = find(field.getValue(), path + "/" + field.getKey());
        if (inside.isPresent()) {
          return inside;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isContainerNode()) {
          continue;
        }
        Optional<String> inside = find(node.get(i), path + "/" + i);
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}
