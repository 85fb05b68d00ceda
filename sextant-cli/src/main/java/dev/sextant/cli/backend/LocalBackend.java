package dev.sextant.cli.backend;

import dev.sextant.cli.CliException;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.JdbcUrls;
import dev.sextant.server.store.ResourceStore;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoreException;
import dev.sextant.server.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The store opened in this process: embedded H2 in the data directory, or a JDBC URL. */
public final class LocalBackend implements Backend {
  private final ResourceStore store;
  private final ResourceService service;

  private LocalBackend(ResourceStore store) {
    this.store = store;
    this.service = new ResourceService(store);
  }

  public static LocalBackend open(String jdbcUrl) {
    try {
      return new LocalBackend(Stores.open(jdbcUrl));
    } catch (StoreException e) {
      throw CliException.unavailable(e.getMessage(), e);
    }
  }

  public static LocalBackend openHome(Path home) {
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw CliException.unavailable("cannot create the data directory " + home + ": " + e.getMessage(), e);
    }
    return open(h2Url(home));
  }

  public static String h2Url(Path home) {
    return JdbcUrls.h2(home);
  }

  @Override
  public List<ApplyOutcome> apply(List<Input> inputs, String author) {
    return service.apply(inputs, author);
  }

  @Override
  public Optional<Revision> latest(ResourceKey key) {
    return service.latest(key);
  }

  @Override
  public List<Revision> list(Optional<Kind> kind, String labelSelector) {
    return service.list(kind, labelSelector);
  }

  @Override
  public List<Revision> history(ResourceKey key) {
    return service.history(key);
  }

  @Override
  public Optional<Revision> revision(ResourceKey key, long number) {
    return service.revision(key, number);
  }

  @Override
  public void close() {
    store.close();
  }
}
