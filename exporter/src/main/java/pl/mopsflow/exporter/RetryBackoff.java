package pl.mopsflow.exporter;

import java.time.InstantSource;

/**
 * When the next delivery attempt is allowed: immediately while things work; after a failure,
 * {@code initialMs}, doubling on each further failure up to {@code maxMs}.
 */
final class RetryBackoff {

  private final InstantSource clock;
  private final long initialMs;
  private final long maxMs;
  private long currentMs;
  private long nextAttemptAtMs;
  private int failures;

  RetryBackoff(InstantSource clock, long initialMs, long maxMs) {
    this.clock = clock;
    this.initialMs = initialMs;
    this.maxMs = Math.max(initialMs, maxMs);
    this.currentMs = initialMs;
  }

  boolean isDue() {
    return failures == 0 || clock.millis() >= nextAttemptAtMs;
  }

  /** Records a failed attempt; returns the delay before the next one. */
  long onFailure() {
    long delay = failures == 0 ? initialMs : Math.min(currentMs * 2, maxMs);
    currentMs = delay;
    failures++;
    nextAttemptAtMs = clock.millis() + delay;
    return delay;
  }

  /** Records a successful attempt; returns how many failures preceded it. */
  int onSuccess() {
    int previous = failures;
    failures = 0;
    currentMs = initialMs;
    return previous;
  }

  int failures() {
    return failures;
  }
}
