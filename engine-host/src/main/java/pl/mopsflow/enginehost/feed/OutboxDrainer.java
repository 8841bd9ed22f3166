package pl.mopsflow.enginehost.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the outbox to the app: the oldest rows (up to the batch size) in one POST, then deletes exactly those ids
 * after a 2xx, in the same database transaction that read (and on PostgreSQL locked) them. Any other answer or a
 * connection error keeps the rows and backs off, 0.5 s doubling to 30 s. A commit with feed rows wakes it up.
 */
public class OutboxDrainer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
  private static final long FIRST_BACKOFF_MS = 500;
  private static final long MAX_BACKOFF_MS = 30_000;

  private final DataSource dataSource;
  private final FeedProperties properties;
  private final boolean postgres;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final Object signal = new Object();
  private volatile boolean running;
  private boolean woken;
  private Thread thread;

  public OutboxDrainer(DataSource dataSource, FeedProperties properties, boolean postgres) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.postgres = postgres;
  }

  /** New rows committed: drain now instead of after the idle poll. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "mops-feed-drainer");
    thread.setDaemon(true);
    thread.start();
    LOG.info("Event feed: delivering {} to {}", OutboxTable.NAME, properties.getUrl());
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long backoff = 0;
    while (running) {
      try {
        int delivered = drainOnce();
        if (backoff > 0) {
          LOG.info("Event feed: delivering again");
        }
        backoff = 0;
        if (delivered < properties.getBatchSize()) {
          pause(properties.getPollMs(), true);
        }
      } catch (InterruptedException interrupted) {
        return;
      } catch (Exception failure) {
        backoff = backoff == 0 ? FIRST_BACKOFF_MS : Math.min(backoff * 2, MAX_BACKOFF_MS);
        LOG.warn("Event feed: delivery failed ({}), retrying the same rows in {} ms", describe(failure), backoff);
        try {
          pause(backoff, false);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** One batch: answers how many events were delivered (0 when the outbox is empty). */
  int drainOnce() throws SQLException, InterruptedException, java.io.IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<Long> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"events\":[");
        try (Statement select = connection.createStatement();
            ResultSet rows = select.executeQuery(OutboxTable.selectOldest(postgres, properties.getBatchSize()))) {
          while (rows.next()) {
            long id = rows.getLong(1);
            body.append(ids.isEmpty() ? "" : ",").append(EventJson.withSeq(id, rows.getString(2)));
            ids.add(id);
          }
        }
        if (ids.isEmpty()) {
          connection.commit();
          return 0;
        }
        post(body.append("]}").toString());
        try (PreparedStatement delete = connection.prepareStatement(OutboxTable.deleteIds(ids.size()))) {
          for (int i = 0; i < ids.size(); i++) {
            delete.setLong(i + 1, ids.get(i));
          }
          delete.executeUpdate();
        }
        connection.commit();
        return ids.size();
      } catch (SQLException | InterruptedException | java.io.IOException | RuntimeException failure) {
        connection.rollback();
        throw failure;
      }
    }
  }

  private void post(String body) throws java.io.IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.getUrl()))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (properties.getToken() != null && !properties.getToken().isBlank()) {
      request.header("Authorization", "Bearer " + properties.getToken());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new java.io.IOException("HTTP " + response.statusCode());
    }
  }

  private void pause(long millis, boolean wakeable) throws InterruptedException {
    long until = System.currentTimeMillis() + millis;
    synchronized (signal) {
      if (!wakeable) {
        woken = false;
      }
      while (running && !(wakeable && woken)) {
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        signal.wait(left);
      }
      woken = false;
    }
  }

  private static String describe(Exception failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
