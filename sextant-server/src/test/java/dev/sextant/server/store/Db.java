package dev.sextant.server.store;

/** The databases that every store contract test runs on. */
enum Db {
  H2,
  POSTGRESQL
}
