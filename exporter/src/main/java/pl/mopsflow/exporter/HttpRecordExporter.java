package pl.mopsflow.exporter;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.InstantSource;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Zeebe exporter that POSTs engine events, in batches, to the mops-flow Node app.
 *
 * <p>Delivery is at-least-once and in log order: a record leaves the buffer, and Zeebe's exported
 * position moves past it, only after the endpoint answered 2xx. After a broker restart Zeebe
 * re-exports everything after that position, so the receiver must tolerate repeats (dedupe by
 * {@code position}). When the endpoint is down the buffer fills up to {@code maxBufferSize}; then
 * {@link #export} throws, and Zeebe retries the same record later (backpressure on exporting only;
 * the engine keeps processing).
 *
 * <p>Zeebe calls every method, and runs the scheduled flush, on this exporter's own actor thread,
 * so nothing here needs locking and flushes never run concurrently.
 */
public final class HttpRecordExporter implements Exporter {

  private ExporterConfig config;
  private Logger log;
  private InstantSource clock;
  private int partitionId;

  private Controller controller;
  private RecordBuffer buffer;
  private RetryBackoff backoff;
  private HttpBatchSender sender;
  private ScheduledTask flushTask;
  private boolean closed;

  @Override
  public void configure(Context context) {
    log = context.getLogger();
    config = ExporterConfig.parse(context.getConfiguration().getArguments());
    if (!config.unknownValueTypes().isEmpty()) {
      log.warn(
          "Ignoring valueTypes {}: not names of io.camunda.zeebe.protocol.record.ValueType",
          config.unknownValueTypes());
    }
    clock = context.clock();
    partitionId = context.getPartitionId();
    context.setFilter(new EventFilter(config.valueTypes()));
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    buffer = new RecordBuffer(config.maxBufferSize());
    backoff = new RetryBackoff(clock, config.retryBackoffMs(), ExporterConfig.MAX_RETRY_BACKOFF_MS);
    sender = new HttpBatchSender(config);
    log.info("mops-flow exporter open on partition {}: {}", partitionId, config);
    scheduleFlush();
  }

  @Override
  public void export(Record<?> record) {
    if (!accepts(record)) {
      return; // Zeebe applies the filter already; this only guards against misuse
    }
    long position = record.getPosition();
    if (buffer.hasSeen(position)) {
      return; // Zeebe retries a record after export() threw; it is buffered already
    }
    if (buffer.isFull()) {
      flush(1, true);
      if (buffer.isFull()) {
        throw new ExporterException(
            "mops-flow exporter buffer is full ("
                + buffer.size()
                + " records) because "
                + config.url()
                + " is not accepting them; Zeebe will retry record "
                + position);
      }
    }
    buffer.add(position, record.toJson());
    flush(config.batchSize(), true);
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (flushTask != null) {
        flushTask.cancel();
      }
      if (buffer != null && !buffer.isEmpty()) {
        flush(1, false);
        if (!buffer.isEmpty()) {
          log.warn(
              "Closing with {} undelivered records; Zeebe re-exports them after the next start",
              buffer.size());
        }
      }
    } catch (Throwable t) {
      if (log != null) {
        log.warn("Final flush on close failed", t);
      }
    }
  }

  private boolean accepts(Record<?> record) {
    return record.getRecordType() == RecordType.EVENT
        && config.valueTypes().contains(record.getValueType());
  }

  private void scheduleFlush() {
    flushTask = controller.scheduleCancellableTask(config.flushInterval(), this::onFlushTimer);
  }

  private void onFlushTimer() {
    if (closed) {
      return;
    }
    try {
      flush(1, true);
    } catch (RuntimeException e) {
      log.warn("Unexpected error while flushing", e);
    } finally {
      if (!closed) {
        scheduleFlush();
      }
    }
  }

  /**
   * Sends batches, oldest first, while at least {@code minRecords} are buffered, stopping at the
   * first failure. With {@code respectBackoff} nothing is sent before the retry backoff expired.
   */
  private void flush(int minRecords, boolean respectBackoff) {
    while (!buffer.isEmpty()
        && buffer.size() >= minRecords
        && (!respectBackoff || backoff.isDue())) {
      if (!sendOldestBatch()) {
        return;
      }
    }
  }

  private boolean sendOldestBatch() {
    RecordBuffer.Batch batch = buffer.peek(config.batchSize());
    int status = -1;
    Exception error = null;
    try {
      status = sender.send(partitionId, batch.jsons());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = e;
    } catch (Exception e) {
      error = e;
    }

    if (error == null && status >= 200 && status < 300) {
      buffer.remove(batch);
      controller.updateLastExportedRecordPosition(batch.lastPosition());
      int failures = backoff.onSuccess();
      if (failures > 0) {
        log.info("Delivering to {} again after {} failed attempts", config.url(), failures);
      }
      return true;
    }

    boolean streakStarts = backoff.failures() == 0;
    long delayMs = backoff.onFailure();
    String reason = error != null ? error.toString() : "HTTP " + status;
    if (streakStarts) {
      log.warn(
          "Could not deliver {} records to {} ({}); keeping {} buffered, retrying with backoff"
              + " {}..{} ms (further failures are logged at debug level)",
          batch.size(),
          config.url(),
          reason,
          buffer.size(),
          delayMs,
          ExporterConfig.MAX_RETRY_BACKOFF_MS);
    } else if (log.isDebugEnabled()) {
      log.debug(
          "Delivery attempt {} to {} failed ({}); {} buffered, next try in {} ms",
          backoff.failures(),
          config.url(),
          reason,
          buffer.size(),
          delayMs);
    }
    return false;
  }

  /** Lets only events of the configured value types reach {@link #export}. */
  private static final class EventFilter implements Context.RecordFilter {
    private final Set<ValueType> valueTypes;

    EventFilter(Set<ValueType> valueTypes) {
      this.valueTypes = valueTypes;
    }

    @Override
    public boolean acceptType(RecordType recordType) {
      return recordType == RecordType.EVENT;
    }

    @Override
    public boolean acceptValue(ValueType valueType) {
      return valueTypes.contains(valueType);
    }
  }
}
