package pl.mopsflow.enginehost.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Feed events as JSON objects; {@code seq} is put in front when the drainer sends a row. */
public class EventJson {

  private final ObjectMapper mapper = new ObjectMapper();

  String write(FeedEvent event) {
    try {
      return mapper.writeValueAsString(event.fields());
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** {@code {"seq":<id>,...payload fields}}; the payload is an object written by {@link #write}. */
  static String withSeq(long seq, String payload) {
    return "{\"seq\":" + seq + "," + payload.substring(1);
  }
}
