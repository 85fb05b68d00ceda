package dev.sextant.core.validation;

/** The bytes of one input (a file, a request body) and the name problems are reported against. */
public record Input(String name, byte[] bytes) {
  public Input {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(bytes, "bytes");
  }
}
