package pl.mopsflow.enginehost.clock;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The engine clock for tests ({@code mops.test-clock.enabled=true} only; without it the paths answer 404).
 * {@link ClockUtil} is JVM-wide: moving it affects every process instance and lock of this host.
 */
@RestController
@RequestMapping("/mops/clock")
@ConditionalOnProperty(name = "mops.test-clock.enabled", havingValue = "true")
public class TestClockController {

  /** Skews below this are the launch's own delay, not another date. */
  private static final long SKEW_IGNORED_MS = 60_000;

  private final ProcessEngine engine;

  /** Where the clock rests: 0, or the app's skew from this machine's clock (a suite run under libfaketime). */
  private final long baseOffset;

  /**
   * {@code mops.test-clock.app-epoch-ms} is the app's clock when it launched this host; compared with the JVM's own
   * start it tells whether the app runs on another date (its Node processes under libfaketime, which slows a JVM
   * tenfold). Then the engine clock starts there and every reset returns there, so app and engine share one date.
   */
  public TestClockController(ProcessEngine engine, @Value("${mops.test-clock.app-epoch-ms:0}") long appEpochMs) {
    this.engine = engine;
    long skew = appEpochMs == 0 ? 0 : appEpochMs - ManagementFactory.getRuntimeMXBean().getStartTime();
    this.baseOffset = Math.abs(skew) > SKEW_IGNORED_MS ? skew : 0;
    if (baseOffset != 0) {
      ClockUtil.offset(baseOffset);
    }
  }

  @GetMapping
  public Map<String, String> now() {
    return answer();
  }

  /** Moves the clock to {@code at}; it keeps running from there unless {@code "frozen": true}. */
  @PutMapping
  public Map<String, String> set(@RequestBody(required = false) Map<String, Object> body) {
    Instant at = parseAt(body);
    if (Boolean.TRUE.equals(body.get("frozen"))) {
      ClockUtil.setCurrentTime(Date.from(at));
    } else {
      ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
    }
    wakeJobExecutor();
    return answer();
  }

  @DeleteMapping
  public Map<String, String> reset() {
    if (baseOffset != 0) {
      ClockUtil.offset(baseOffset);
    } else {
      ClockUtil.reset();
    }
    wakeJobExecutor();
    return answer();
  }

  private void wakeJobExecutor() {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.jobWasAdded();
    }
  }

  private static Instant parseAt(Map<String, Object> body) {
    Object at = body == null ? null : body.get("at");
    if (!(at instanceof String text)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Pole \"at\" (chwila ISO-8601) jest wymagane");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException bad) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Pole \"at\" nie jest chwilą ISO-8601: " + text);
    }
  }

  private static Map<String, String> answer() {
    return Map.of("now", ClockUtil.getCurrentTime().toInstant().toString());
  }
}
