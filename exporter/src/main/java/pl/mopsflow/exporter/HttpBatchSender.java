package pl.mopsflow.exporter;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * POSTs {@code {"partitionId":N,"records":[...]}} to the configured URL (blocking, with a timeout).
 */
final class HttpBatchSender {

  static final String TOKEN_HEADER = "x-mops-exporter-token";

  private final ExporterConfig config;
  private final HttpClient client;

  HttpBatchSender(ExporterConfig config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.requestTimeout())
            .build();
  }

  /** Sends one batch and returns the HTTP status code; throws on I/O errors and timeouts. */
  int send(int partitionId, List<String> recordJsons) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.url())
            .timeout(config.requestTimeout())
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(partitionId, recordJsons), StandardCharsets.UTF_8));
    if (config.token() != null) {
      request.header(TOKEN_HEADER, config.token());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Each element is already a JSON object (Record#toJson()), so the envelope is built by hand. */
  static String body(int partitionId, List<String> recordJsons) {
    int length = 40;
    for (String json : recordJsons) {
      length += json.length() + 1;
    }
    StringBuilder body = new StringBuilder(length);
    body.append("{\"partitionId\":").append(partitionId).append(",\"records\":[");
    for (int i = 0; i < recordJsons.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(recordJsons.get(i));
    }
    return body.append("]}").toString();
  }
}
