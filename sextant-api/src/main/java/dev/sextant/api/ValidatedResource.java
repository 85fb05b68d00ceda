package dev.sextant.api;

/** A resource that a dry run found valid, with the digest it would be stored under. */
public record ValidatedResource(String kind, String name, String digest) {}
