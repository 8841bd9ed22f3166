package pl.mopsflow.exporter;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** In-process HTTP endpoint standing in for the Node app; answers 204 unless told otherwise. */
final class TestReceiver implements AutoCloseable {

  record Request(String contentType, String token, String body, int answeredWith) {
    List<Long> positions() {
      List<Long> positions = new ArrayList<>();
      Matcher m = Pattern.compile("\"position\":(\\d+)").matcher(body);
      while (m.find()) {
        positions.add(Long.parseLong(m.group(1)));
      }
      return positions;
    }
  }

  private static final String PATH = "/internal/engine-records";

  final List<Request> requests = new ArrayList<>();
  private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
  private HttpServer server;
  private final int port;

  private TestReceiver(int port) throws IOException {
    start(port);
    this.port = server.getAddress().getPort();
  }

  static TestReceiver start() throws IOException {
    return new TestReceiver(0);
  }

  String url() {
    return "http://127.0.0.1:" + port + PATH;
  }

  /** The next requests get these statuses, in order; afterwards 204 again. */
  synchronized void answer(Integer... statuses) {
    scriptedStatuses.addAll(List.of(statuses));
  }

  /** Stops listening: connections are refused until {@link #restart()}. */
  void stop() {
    server.stop(0);
  }

  void restart() throws IOException {
    start(port);
  }

  /** Positions of every record in requests answered 2xx, in arrival order. */
  synchronized List<Long> deliveredPositions() {
    List<Long> positions = new ArrayList<>();
    for (Request request : requests) {
      if (request.answeredWith() / 100 == 2) {
        positions.addAll(request.positions());
      }
    }
    return positions;
  }

  synchronized int requestCount() {
    return requests.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        PATH,
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          synchronized (this) {
            Integer scripted = scriptedStatuses.poll();
            status = scripted == null ? 204 : scripted;
            requests.add(
                new Request(
                    exchange.getRequestHeaders().getFirst("content-type"),
                    exchange.getRequestHeaders().getFirst(HttpBatchSender.TOKEN_HEADER),
                    body,
                    status));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }
}
