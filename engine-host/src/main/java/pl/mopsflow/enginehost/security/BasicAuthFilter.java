package pl.mopsflow.enginehost.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the engine's users ({@link IdentityService#checkPassword}; the app's own service account
 * against its configured password, see {@link ServiceAccount}). Without valid credentials the
 * request ends with 401 and a {@code WWW-Authenticate: Basic} challenge; with them the engine sees the user as
 * the authenticated user of the request (user operation log).
 */
public class BasicAuthFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Basic ";

  private final IdentityService identityService;
  private final VerifiedCredentials verified;
  private final ServiceAccount serviceAccount;

  public BasicAuthFilter(IdentityService identityService, VerifiedCredentials verified, ServiceAccount serviceAccount) {
    this.identityService = identityService;
    this.verified = verified;
    this.serviceAccount = serviceAccount;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String userId = header == null ? null : authenticate(header);
    if (userId == null) {
      challenge(response);
      return;
    }
    identityService.setAuthenticatedUserId(userId);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String authenticate(String header) {
    String cachedUser = verified.userFor(header);
    if (cachedUser != null) {
      return cachedUser;
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    if (serviceAccount.isServiceUser(userId)) {
      return serviceAccount.matches(password) ? userId : null;
    }
    if (!identityService.checkPassword(userId, password)) {
      return null;
    }
    verified.remember(header, userId);
    return userId;
  }

  private static void challenge(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"mops-engine-host\", charset=\"UTF-8\"");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"Unauthorized\",\"message\":\"Wymagane uwierzytelnienie HTTP Basic\"}");
  }
}
