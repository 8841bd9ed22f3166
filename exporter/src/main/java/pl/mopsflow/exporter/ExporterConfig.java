package pl.mopsflow.exporter;

import io.camunda.zeebe.protocol.record.ValueType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The exporter's arguments ({@code zeebe.broker.exporters.<id>.args}), parsed and validated.
 *
 * <p>Keys are matched case-insensitively, because arguments given as environment variables
 * (ZEEBE_BROKER_EXPORTERS_MOPS_ARGS_BATCHSIZE) reach the exporter in lower case.
 */
public final class ExporterConfig {

  public static final String DEFAULT_VALUE_TYPES =
      "PROCESS_INSTANCE,USER_TASK,INCIDENT,JOB,TIMER,PROCESS,MESSAGE_SUBSCRIPTION,"
          + "PROCESS_MESSAGE_SUBSCRIPTION,ERROR,ESCALATION";
  public static final long MAX_RETRY_BACKOFF_MS = 30_000;

  private final URI url;
  private final String token;
  private final int batchSize;
  private final long flushIntervalMs;
  private final int maxBufferSize;
  private final long retryBackoffMs;
  private final long requestTimeoutMs;
  private final Set<ValueType> valueTypes;
  private final List<String> unknownValueTypes;

  private ExporterConfig(Map<String, Object> rawArgs) {
    Map<String, Object> args = lowerCaseKeys(rawArgs);
    url = parseUrl(args.get("url"));
    String tokenArg = stringOrNull(args.get("token"));
    token = tokenArg == null || tokenArg.isBlank() ? null : tokenArg.trim();
    batchSize = (int) positive(args, "batchSize", 100, Integer.MAX_VALUE);
    flushIntervalMs = positive(args, "flushIntervalMs", 200, Long.MAX_VALUE);
    maxBufferSize = (int) positive(args, "maxBufferSize", 5000, Integer.MAX_VALUE);
    retryBackoffMs = positive(args, "retryBackoffMs", 1000, MAX_RETRY_BACKOFF_MS);
    requestTimeoutMs = positive(args, "requestTimeoutMs", 5000, Long.MAX_VALUE);
    if (maxBufferSize < batchSize) {
      throw invalid("maxBufferSize (" + maxBufferSize + ") must be >= batchSize (" + batchSize + ")");
    }
    unknownValueTypes = new ArrayList<>();
    valueTypes = parseValueTypes(args.get("valuetypes"), unknownValueTypes);
  }

  /** Parses and validates; throws {@link IllegalArgumentException} with a readable message. */
  public static ExporterConfig parse(Map<String, Object> args) {
    return new ExporterConfig(args == null ? Map.of() : args);
  }

  public URI url() {
    return url;
  }

  /** Sent as header {@code x-mops-exporter-token}; null when not configured. */
  public String token() {
    return token;
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration flushInterval() {
    return Duration.ofMillis(flushIntervalMs);
  }

  public int maxBufferSize() {
    return maxBufferSize;
  }

  public long retryBackoffMs() {
    return retryBackoffMs;
  }

  public Duration requestTimeout() {
    return Duration.ofMillis(requestTimeoutMs);
  }

  public Set<ValueType> valueTypes() {
    return Collections.unmodifiableSet(valueTypes);
  }

  /** Names from {@code valueTypes} that are not 8.6 ValueTypes (dropped; the caller warns). */
  public List<String> unknownValueTypes() {
    return Collections.unmodifiableList(unknownValueTypes);
  }

  @Override
  public String toString() {
    return "url="
        + url
        + ", token="
        + (token == null ? "none" : "***")
        + ", batchSize="
        + batchSize
        + ", flushIntervalMs="
        + flushIntervalMs
        + ", maxBufferSize="
        + maxBufferSize
        + ", retryBackoffMs="
        + retryBackoffMs
        + ", requestTimeoutMs="
        + requestTimeoutMs
        + ", valueTypes="
        + valueTypes;
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> args) {
    Map<String, Object> result = new HashMap<>();
    args.forEach((key, value) -> result.put(key.toLowerCase(Locale.ROOT), value));
    return result;
  }

  private static URI parseUrl(Object raw) {
    String value = stringOrNull(raw);
    if (value == null || value.isBlank()) {
      throw invalid(
          "argument 'url' is required, e.g. url: http://127.0.0.1:3000/internal/engine-records");
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw invalid("argument 'url' must be an absolute http(s) URL, got '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid("argument 'url' is not a valid URL: '" + value + "' (" + e.getMessage() + ")");
    }
  }

  private static long positive(Map<String, Object> args, String name, long fallback, long max) {
    Object raw = args.get(name.toLowerCase(Locale.ROOT));
    if (raw == null || raw.toString().isBlank()) {
      return fallback;
    }
    long value;
    try {
      value = raw instanceof Number ? ((Number) raw).longValue() : Long.parseLong(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid("argument '" + name + "' must be a number, got '" + raw + "'");
    }
    if (value <= 0 || value > max) {
      throw invalid("argument '" + name + "' must be between 1 and " + max + ", got " + value);
    }
    return value;
  }

  private static Set<ValueType> parseValueTypes(Object raw, List<String> unknown) {
    List<String> names = new ArrayList<>();
    if (raw == null || raw.toString().isBlank()) {
      names.addAll(List.of(DEFAULT_VALUE_TYPES.split(",")));
    } else if (raw instanceof Collection<?>) {
      ((Collection<?>) raw).forEach(item -> names.add(String.valueOf(item)));
    } else if (raw instanceof Map<?, ?>) {
      // a YAML list may be bound as {"0": "A", "1": "B"}
      ((Map<?, ?>) raw).values().forEach(item -> names.add(String.valueOf(item)));
    } else {
      names.addAll(List.of(raw.toString().split(",")));
    }

    Set<ValueType> types = EnumSet.noneOf(ValueType.class);
    for (String name : names) {
      String normalized = name.trim().toUpperCase(Locale.ROOT);
      if (normalized.isEmpty()) {
        continue;
      }
      try {
        ValueType type = ValueType.valueOf(normalized);
        if (type == ValueType.SBE_UNKNOWN || type == ValueType.NULL_VAL) {
          unknown.add(name.trim());
        } else {
          types.add(type);
        }
      } catch (IllegalArgumentException e) {
        unknown.add(name.trim());
      }
    }
    if (types.isEmpty()) {
      throw invalid("argument 'valueTypes' names no known value type: '" + raw + "'");
    }
    return types;
  }

  private static String stringOrNull(Object raw) {
    return raw == null ? null : raw.toString();
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException("mops-flow exporter: " + message);
  }
}
