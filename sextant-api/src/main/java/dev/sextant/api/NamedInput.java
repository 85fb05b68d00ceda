package dev.sextant.api;

/**
 * One file of an apply, as {@code application/vnd.sextant.inputs+json} carries it: its name (used
 * in problems) and its bytes, which travel as base64.
 */
public record NamedInput(String name, byte[] content) {}
