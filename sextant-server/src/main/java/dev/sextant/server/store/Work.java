package dev.sextant.server.store;

/** What a unit of work does with the repositories of one transaction. */
@FunctionalInterface
public interface Work<T> {
  T run(Transaction tx);
}
