package pl.mopsflow.exporter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.mopsflow.exporter.Fakes.FakeContext;
import pl.mopsflow.exporter.Fakes.FakeController;
import pl.mopsflow.exporter.Fakes.ManualClock;

class HttpRecordExporterTest {

  private final ManualClock clock = new ManualClock();
  private final FakeController controller = new FakeController();
  private TestReceiver receiver;
  private FakeContext context;
  private HttpRecordExporter exporter;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = TestReceiver.start();
  }

  @AfterEach
  void stopAll() {
    if (exporter != null) {
      exporter.close();
    }
    receiver.close();
  }

  private HttpRecordExporter open(Object... keyValues) throws Exception {
    Map<String, Object> args = new HashMap<>();
    args.put("url", receiver.url());
    args.put("token", "secret");
    for (int i = 0; i < keyValues.length; i += 2) {
      args.put((String) keyValues[i], keyValues[i + 1]);
    }
    context = new FakeContext(args, clock);
    exporter = new HttpRecordExporter();
    exporter.configure(context);
    exporter.open(controller);
    return exporter;
  }

  private void exportRange(long from, long to) {
    for (long position = from; position <= to; position++) {
      exporter.export(Fakes.event(position));
    }
  }

  @Test
  void configureRejectsMissingOrInvalidArguments() {
    for (Map<String, Object> args :
        List.<Map<String, Object>>of(
            Map.of(),
            Map.of("url", "  "),
            Map.of("url", "not a url"),
            Map.of("url", "ftp://127.0.0.1/x"),
            Map.of("url", "http://127.0.0.1:1/x", "batchSize", "many"),
            Map.of("url", "http://127.0.0.1:1/x", "batchSize", 0),
            Map.of("url", "http://127.0.0.1:1/x", "retryBackoffMs", 60_000),
            Map.of("url", "http://127.0.0.1:1/x", "batchSize", 10, "maxBufferSize", 5),
            Map.of("url", "http://127.0.0.1:1/x", "valueTypes", "NOPE"))) {
      FakeContext ctx = new FakeContext(args, clock);
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> new HttpRecordExporter().configure(ctx));
      assertTrue(error.getMessage().startsWith("mops-flow exporter: "), error.getMessage());
    }
    FakeContext noUrl = new FakeContext(Map.of(), clock);
    Exception error =
        assertThrows(IllegalArgumentException.class, () -> new HttpRecordExporter().configure(noUrl));
    assertTrue(error.getMessage().contains("'url' is required"), error.getMessage());
  }

  @Test
  void defaultsAndCaseInsensitiveKeys() {
    ExporterConfig defaults = ExporterConfig.parse(Map.of("url", "http://127.0.0.1:1/x"));
    assertEquals(100, defaults.batchSize());
    assertEquals(Duration.ofMillis(200), defaults.flushInterval());
    assertEquals(5000, defaults.maxBufferSize());
    assertEquals(1000, defaults.retryBackoffMs());
    assertEquals(null, defaults.token());
    assertEquals(10, defaults.valueTypes().size());

    // environment variables arrive lower-cased and as strings
    ExporterConfig fromEnv =
        ExporterConfig.parse(
            Map.of("url", "http://127.0.0.1:1/x", "batchsize", "7", "flushintervalms", "50"));
    assertEquals(7, fromEnv.batchSize());
    assertEquals(Duration.ofMillis(50), fromEnv.flushInterval());
  }

  @Test
  void filterAcceptsOnlyEventsOfConfiguredValueTypes() throws Exception {
    open();
    assertTrue(context.filter.acceptType(RecordType.EVENT));
    assertFalse(context.filter.acceptType(RecordType.COMMAND));
    assertFalse(context.filter.acceptType(RecordType.COMMAND_REJECTION));
    for (ValueType type :
        List.of(
            ValueType.PROCESS_INSTANCE,
            ValueType.USER_TASK,
            ValueType.INCIDENT,
            ValueType.JOB,
            ValueType.TIMER,
            ValueType.PROCESS,
            ValueType.MESSAGE_SUBSCRIPTION,
            ValueType.PROCESS_MESSAGE_SUBSCRIPTION,
            ValueType.ERROR,
            ValueType.ESCALATION)) {
      assertTrue(context.filter.acceptValue(type), type.name());
    }
    assertFalse(context.filter.acceptValue(ValueType.VARIABLE));
    assertFalse(context.filter.acceptValue(ValueType.DEPLOYMENT));
    assertFalse(context.filter.acceptValue(ValueType.JOB_BATCH));
  }

  @Test
  void customValueTypesDropUnknownNamesWithAWarning() throws Exception {
    open("valueTypes", " user_task, INCIDENT ,NO_SUCH_TYPE");
    assertTrue(context.filter.acceptValue(ValueType.USER_TASK));
    assertTrue(context.filter.acceptValue(ValueType.INCIDENT));
    assertFalse(context.filter.acceptValue(ValueType.PROCESS_INSTANCE));
    assertEquals(1, context.log.count("WARN"));
  }

  @Test
  void recordsOutsideTheFilterAreNotSent() throws Exception {
    open("batchSize", 1);
    exporter.export(Fakes.record(1, RecordType.COMMAND, ValueType.PROCESS_INSTANCE));
    exporter.export(Fakes.record(2, RecordType.EVENT, ValueType.VARIABLE));
    controller.runScheduled();
    assertEquals(0, receiver.requestCount());
    exporter.export(Fakes.event(3));
    assertEquals(List.of(3L), receiver.deliveredPositions());
  }

  @Test
  void sendsFullBatchesFromExportAndTheRestOnTheTimer() throws Exception {
    open("batchSize", 3, "flushIntervalMs", 50);
    assertEquals(List.of(Duration.ofMillis(50)), controller.delays);

    exportRange(1, 2);
    assertEquals(0, receiver.requestCount());
    exporter.export(Fakes.event(3));
    assertEquals(1, receiver.requestCount());
    assertEquals(List.of(3L), controller.acknowledged);

    exportRange(4, 7);
    assertEquals(2, receiver.requestCount());
    assertEquals(List.of(3L, 6L), controller.acknowledged);

    controller.runScheduled();
    assertEquals(3, receiver.requestCount());
    assertEquals(List.of(3L, 6L, 7L), controller.acknowledged);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), receiver.deliveredPositions());
    assertEquals(1, controller.pending.size(), "timer re-armed");

    TestReceiver.Request first = receiver.requests.get(0);
    assertEquals("application/json", first.contentType());
    assertEquals("secret", first.token());
    assertEquals(
        "{\"partitionId\":1,\"records\":["
            + "{\"position\":1,\"recordType\":\"EVENT\",\"valueType\":\"PROCESS_INSTANCE\",\"value\":{}},"
            + "{\"position\":2,\"recordType\":\"EVENT\",\"valueType\":\"PROCESS_INSTANCE\",\"value\":{}},"
            + "{\"position\":3,\"recordType\":\"EVENT\",\"valueType\":\"PROCESS_INSTANCE\",\"value\":{}}]}",
        first.body());
  }

  @Test
  void timerWithEmptyBufferSendsNothing() throws Exception {
    open();
    controller.runScheduled();
    controller.runScheduled();
    assertEquals(0, receiver.requestCount());
    assertTrue(controller.acknowledged.isEmpty());
  }

  @Test
  void serverErrorsAreRetriedWithBackoffWithoutLossOrDuplicates() throws Exception {
    open("batchSize", 2, "retryBackoffMs", 1000);
    receiver.answer(500, 500, 503);

    exportRange(1, 2); // attempt 1: 500
    assertEquals(1, receiver.requestCount());
    assertTrue(controller.acknowledged.isEmpty(), "no position update without 2xx");
    assertEquals(1, context.log.count("WARN"));

    exporter.export(Fakes.event(3)); // backing off: no request
    controller.runScheduled();
    assertEquals(1, receiver.requestCount());

    clock.advance(1000);
    controller.runScheduled(); // attempt 2: 500, backoff now 2000
    assertEquals(2, receiver.requestCount());
    clock.advance(1999);
    controller.runScheduled();
    assertEquals(2, receiver.requestCount());
    clock.advance(1);
    controller.runScheduled(); // attempt 3: 503, backoff now 4000
    assertEquals(3, receiver.requestCount());
    clock.advance(4000);
    controller.runScheduled(); // succeeds: [1,2] then [3]

    assertEquals(List.of(1L, 2L, 3L), receiver.deliveredPositions());
    assertEquals(List.of(2L, 3L), controller.acknowledged);
    assertEquals(1, context.log.count("WARN"), "one warning per failure streak");
    assertTrue(context.log.lines.contains("INFO Delivering to {} again after {} failed attempts"));

    receiver.answer(500); // a new streak warns again
    exportRange(4, 5);
    assertEquals(2, context.log.count("WARN"));
  }

  @Test
  void connectionRefusedIsRetriedWithoutLossOrDuplicates() throws Exception {
    open("batchSize", 3);
    receiver.stop();
    exportRange(1, 4);
    controller.runScheduled();
    assertTrue(controller.acknowledged.isEmpty());
    assertEquals(1, context.log.count("WARN"));

    receiver.restart();
    clock.advance(1000);
    controller.runScheduled();
    assertEquals(List.of(1L, 2L, 3L, 4L), receiver.deliveredPositions());
    assertEquals(List.of(3L, 4L), controller.acknowledged);
  }

  @Test
  void fullBufferThrowsSoZeebeRetriesTheRecord() throws Exception {
    open("batchSize", 2, "maxBufferSize", 4);
    receiver.stop();
    exportRange(1, 4);
    assertThrows(ExporterException.class, () -> exporter.export(Fakes.event(5)));
    assertThrows(ExporterException.class, () -> exporter.export(Fakes.event(5)));
    assertDoesNotThrow(() -> exporter.export(Fakes.event(3)), "already buffered: ignored");

    receiver.restart();
    clock.advance(1000);
    exporter.export(Fakes.event(5)); // Zeebe's retry: buffer drains first, then 5 is taken
    exporter.export(Fakes.event(5));
    controller.runScheduled();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), receiver.deliveredPositions());
    assertEquals(5L, controller.getLastExportedRecordPosition());
  }

  @Test
  void aRecordHandedOverTwiceIsSentOnce() throws Exception {
    open();
    exporter.export(Fakes.event(10));
    exporter.export(Fakes.event(10));
    exporter.export(Fakes.event(9));
    exporter.export(Fakes.event(11));
    controller.runScheduled();
    assertEquals(List.of(10L, 11L), receiver.deliveredPositions());
  }

  @Test
  void closeFlushesWhatIsLeft() throws Exception {
    open();
    exportRange(1, 2);
    exporter.close();
    exporter = null;
    assertEquals(List.of(1L, 2L), receiver.deliveredPositions());
    assertEquals(List.of(2L), controller.acknowledged);
    assertTrue(controller.pending.isEmpty(), "timer cancelled");
  }

  @Test
  void closeNeverThrows() throws Exception {
    open();
    receiver.stop();
    exportRange(1, 2);
    assertDoesNotThrow(exporter::close);
    exporter = null;
    assertTrue(controller.acknowledged.isEmpty());
    assertDoesNotThrow(() -> new HttpRecordExporter().close(), "close before configure/open");
  }

  @Test
  void backoffDoublesUpTo30Seconds() {
    RetryBackoff backoff = new RetryBackoff(clock, 1000, ExporterConfig.MAX_RETRY_BACKOFF_MS);
    assertTrue(backoff.isDue());
    long[] expected = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (long delay : expected) {
      assertEquals(delay, backoff.onFailure());
      assertFalse(backoff.isDue());
      clock.advance(delay);
      assertTrue(backoff.isDue());
    }
    assertEquals(expected.length, backoff.onSuccess());
    assertEquals(1000, backoff.onFailure());
  }
}
