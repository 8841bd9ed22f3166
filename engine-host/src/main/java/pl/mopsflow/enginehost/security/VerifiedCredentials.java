package pl.mopsflow.enginehost.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived memory of Authorization headers that passed {@code checkPassword}, so that workers polling many
 * times a second do not cost a user lookup and a password hash each. Keys are SHA-256 digests of the header.
 */
public class VerifiedCredentials {

  private static final int MAX_ENTRIES = 1000;

  private final long ttlNanos;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public VerifiedCredentials(long ttlMillis) {
    this.ttlNanos = ttlMillis * 1_000_000L;
  }

  /** The user id of a header verified less than the TTL ago, else null. */
  public String userFor(String header) {
    Entry entry = entries.get(digest(header));
    if (entry == null || System.nanoTime() - entry.verifiedAt > ttlNanos) {
      return null;
    }
    return entry.userId;
  }

  public void remember(String header, String userId) {
    if (ttlNanos <= 0) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(digest(header), new Entry(userId, System.nanoTime()));
  }

  public void forgetAll() {
    entries.clear();
  }

  private static String digest(String header) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private record Entry(String userId, long verifiedAt) {}
}
