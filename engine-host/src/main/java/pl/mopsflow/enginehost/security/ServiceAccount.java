package pl.mopsflow.enginehost.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The configured {@code camunda.bpm.admin-user} (the app's service account), checked in memory in constant time.
 * The engine's {@code checkPassword} locks a user after a wrong password (for seconds, and for good after ten), so
 * anyone who can reach the port and knows the user name could lock the app out; for the service account the
 * configured password is the truth anyway ({@link AdminPasswordSync} writes it into the engine at every start).
 */
public class ServiceAccount {

  private final String userId;
  private final byte[] password;

  public ServiceAccount(String userId, String password) {
    this.userId = userId;
    this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
  }

  public boolean isServiceUser(String candidate) {
    return userId != null && password != null && userId.equals(candidate);
  }

  public boolean matches(String candidatePassword) {
    return password != null
        && MessageDigest.isEqual(password, candidatePassword.getBytes(StandardCharsets.UTF_8));
  }
}
