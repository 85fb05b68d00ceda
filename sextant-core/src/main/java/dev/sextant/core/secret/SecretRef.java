package dev.sextant.core.secret;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret lives, as resources write it: {@code env:NAME}, {@code file:/path} or {@code
 * vault:mount/path#key}. Resources hold only this; the value is read at the moment of use, so it
 * never reaches the store, a plan or an event.
 */
public sealed interface SecretRef {
  Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)");
  Pattern FILE = Pattern.compile("file:(/\\S+)");
  Pattern VAULT = Pattern.compile("vault:([^/#\\s]+)/([^#\\s]+)#(\\S+)");

  /** The reference as written, which is safe to show: it names the secret, never holds it. */
  @JsonValue
  String describe();

  /**
   * Reads a reference. A text that is no reference may be a secret written in place, so the refusal
   * never repeats it.
   */
  @JsonCreator
  static SecretRef parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m;
    if ((m = ENV.matcher(text)).matches()) {
      return new Env(m.group(1));
    }
    if ((m = FILE.matcher(text)).matches()) {
      return new File(m.group(1));
    }
    if ((m = VAULT.matcher(text)).matches()) {
      return new Vault(m.group(1), m.group(2), m.group(3));
    }
    throw new IllegalArgumentException(
        "expected a secret reference: env:NAME, file:/path or vault:mount/path#key; found "
            + (text.isEmpty() ? "nothing" : "a text of " + text.length() + " character(s)")
            + " (not shown, in case it is the secret itself)");
  }

  /** An environment variable of the process that uses the secret. */
  record Env(String name) implements SecretRef {
    public Env {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "env:" + name;
    }
  }

  /** A file on the host that uses the secret, given by its absolute path. */
  record File(String path) implements SecretRef {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "file:" + path;
    }
  }

  /** A key of a Vault KV version 2 secret: the engine's mount, the secret's path, the key. */
  record Vault(String mount, String path, String key) implements SecretRef {
    public Vault {
      Objects.requireNonNull(mount, "mount");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return "vault:" + mount + "/" + path + "#" + key;
    }
  }
}
