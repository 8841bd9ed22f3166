package pl.mopsflow.exporter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * In-memory FIFO of serialized records waiting to be sent, in log-position order.
 *
 * <p>Remembers the highest position ever buffered, so a record that Zeebe hands over again (it
 * retries {@code export} after an exception) is never buffered twice. Not thread-safe: used only
 * on the exporter's actor thread.
 */
final class RecordBuffer {

  /** One record, already serialized. */
  record Entry(long position, String json) {}

  /** The oldest entries of the buffer, to be sent together. */
  record Batch(List<Entry> entries) {
    long lastPosition() {
      return entries.get(entries.size() - 1).position();
    }

    int size() {
      return entries.size();
    }

    List<String> jsons() {
      List<String> jsons = new ArrayList<>(entries.size());
      entries.forEach(entry -> jsons.add(entry.json()));
      return jsons;
    }
  }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final int capacity;
  private long highestPosition = -1;

  RecordBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** True if a record at this position was already buffered (and maybe already sent). */
  boolean hasSeen(long position) {
    return position <= highestPosition;
  }

  boolean isFull() {
    return entries.size() >= capacity;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  int size() {
    return entries.size();
  }

  void add(long position, String json) {
    if (hasSeen(position)) {
      throw new IllegalStateException("position " + position + " was already buffered");
    }
    if (isFull()) {
      throw new IllegalStateException("buffer is full (" + capacity + ")");
    }
    entries.addLast(new Entry(position, json));
    highestPosition = position;
  }

  /** The oldest {@code maxSize} entries, still in the buffer until {@link #remove} is called. */
  Batch peek(int maxSize) {
    List<Entry> batch = new ArrayList<>(Math.min(maxSize, entries.size()));
    Iterator<Entry> it = entries.iterator();
    while (it.hasNext() && batch.size() < maxSize) {
      batch.add(it.next());
    }
    return new Batch(batch);
  }

  /** Drops a batch previously returned by {@link #peek} (it was delivered). */
  void remove(Batch batch) {
    for (int i = 0; i < batch.size(); i++) {
      entries.removeFirst();
    }
  }
}
