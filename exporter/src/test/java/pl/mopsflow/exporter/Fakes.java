package pl.mopsflow.exporter;

import io.camunda.zeebe.exporter.api.context.Configuration;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/** Hand-written stand-ins for what the broker gives an exporter. */
final class Fakes {

  private Fakes() {}

  /** A clock the test moves by hand. */
  static final class ManualClock implements InstantSource {
    long millis = 1_000_000;

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    void advance(long ms) {
      millis += ms;
    }
  }

  /** Records log calls as "LEVEL message-template". */
  static final class CapturingLog {
    final List<String> lines = new ArrayList<>();

    final Logger logger =
        (Logger)
            Proxy.newProxyInstance(
                Logger.class.getClassLoader(),
                new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                  String name = method.getName();
                  if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                  }
                  if (List.of("trace", "debug", "info", "warn", "error").contains(name)
                      && args != null
                      && args[0] instanceof String message) {
                    synchronized (lines) {
                      lines.add(name.toUpperCase() + " " + message);
                    }
                  }
                  if (name.equals("getName")) {
                    return "test";
                  }
                  return null;
                });

    long count(String level) {
      synchronized (lines) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).count();
      }
    }
  }

  static final class FakeContext implements Context {
    final Map<String, Object> args;
    final InstantSource clock;
    final CapturingLog log = new CapturingLog();
    RecordFilter filter;

    FakeContext(Map<String, Object> args, InstantSource clock) {
      this.args = args;
      this.clock = clock;
    }

    @Override
    public MeterRegistry getMeterRegistry() {
      return null;
    }

    @Override
    public Logger getLogger() {
      return log.logger;
    }

    @Override
    public InstantSource clock() {
      return clock;
    }

    @Override
    public Configuration getConfiguration() {
      return new Configuration() {
        @Override
        public String getId() {
          return "mops";
        }

        @Override
        public Map<String, Object> getArguments() {
          return args;
        }

        @Override
        public <T> T instantiate(Class<T> type) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public int getPartitionId() {
      return 1;
    }

    @Override
    public void setFilter(RecordFilter filter) {
      this.filter = filter;
    }
  }

  /** Keeps scheduled tasks until the test runs them; remembers acknowledged positions. */
  static final class FakeController implements Controller {
    final List<Long> acknowledged = new ArrayList<>();
    final List<Runnable> pending = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();

    @Override
    public void updateLastExportedRecordPosition(long position) {
      acknowledged.add(position);
    }

    @Override
    public void updateLastExportedRecordPosition(long position, byte[] metadata) {
      acknowledged.add(position);
    }

    @Override
    public long getLastExportedRecordPosition() {
      return acknowledged.isEmpty() ? -1 : acknowledged.get(acknowledged.size() - 1);
    }

    @Override
    public ScheduledTask scheduleCancellableTask(Duration delay, Runnable task) {
      delays.add(delay);
      pending.add(task);
      return () -> pending.remove(task);
    }

    @Override
    public Optional<byte[]> readMetadata() {
      return Optional.empty();
    }

    /** Runs the tasks due now (as the actor would after the delay). */
    void runScheduled() {
      List<Runnable> due = new ArrayList<>(pending);
      pending.clear();
      due.forEach(Runnable::run);
    }
  }

  /** A Record with just what the exporter reads: position, types and toJson(). */
  @SuppressWarnings("unchecked")
  static Record<?> record(long position, RecordType recordType, ValueType valueType) {
    String json =
        "{\"position\":"
            + position
            + ",\"recordType\":\""
            + recordType
            + "\",\"valueType\":\""
            + valueType
            + "\",\"value\":{}}";
    return (Record<?>)
        Proxy.newProxyInstance(
            Record.class.getClassLoader(),
            new Class<?>[] {Record.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getPosition" -> position;
                  case "getRecordType" -> recordType;
                  case "getValueType" -> valueType;
                  case "getPartitionId" -> 1;
                  case "toJson", "toString" -> json;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  static Record<?> event(long position) {
    return record(position, RecordType.EVENT, ValueType.PROCESS_INSTANCE);
  }
}
