package pl.mopsflow.enginehost.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mops.feed.*}: where and how the host delivers engine events. */
@ConfigurationProperties(prefix = "mops.feed")
public class FeedProperties {

  /** Where batches are POSTed; without it the feed is off (nothing is written to the outbox). */
  private String url;
  /** Sent as {@code Authorization: Bearer <token>}. */
  private String token;
  /** Max events per POST. */
  private int batchSize = 200;
  /** Idle poll interval of the drainer. */
  private long pollMs = 100;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public long getPollMs() {
    return pollMs;
  }

  public void setPollMs(long pollMs) {
    this.pollMs = pollMs;
  }

  public boolean isEnabled() {
    return url != null && !url.isBlank();
  }
}
