package dev.sextant.server.store;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * Entries being made on the common pool a chunk at a time, handed out in order as they are asked
 * for, so that whoever reads them (verification, comparing each with its stored leaf) works while
 * the pool still makes the later ones. A reader waiting for a chunk that no worker has started
 * takes back the last chunks no worker took yet and makes them itself, rather than idling. Read on
 * the thread that made it, the one whose submissions to the pool it can take back.
 */
final class RecomputedChunks extends AbstractList<RecomputedEntry> {
  private final List<ForkJoinTask<List<RecomputedEntry>>> chunks;
  private final int chunkSize;
  private final int size;

  /** Chunks from here on were taken back or are being made by a worker. */
  private int notTakenBack;

  /**
   * @param chunks forked from this thread in order, each of {@code chunkSize} entries but the last
   */
  RecomputedChunks(List<ForkJoinTask<List<RecomputedEntry>>> chunks, int chunkSize, int size) {
    this.chunks = List.copyOf(chunks);
    this.chunkSize = chunkSize;
    this.size = size;
    this.notTakenBack = chunks.size();
  }

  @Override
  public RecomputedEntry get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int chunk = index / chunkSize;
    ForkJoinTask<List<RecomputedEntry>> task = chunks.get(chunk);
    while (!task.isDone() && notTakenBack > chunk + 1) {
      ForkJoinTask<List<RecomputedEntry>> last = chunks.get(--notTakenBack);
      if (last.isDone()) {
        continue;
      }
      // Workers take the oldest chunks first, so once the newest left is taken, all before it are.
      if (!last.tryUnfork()) {
        notTakenBack = chunk + 1;
        break;
      }
      last.invoke();
    }
    return task.join().get(index % chunkSize);
  }

  @Override
  public int size() {
    return size;
  }
}
