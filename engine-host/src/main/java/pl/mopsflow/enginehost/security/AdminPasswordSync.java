package pl.mopsflow.enginehost.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured {@code camunda.bpm.admin-user} password wins at every start: the starter creates the user only
 * once, so a changed password in the configuration would otherwise lock the app out. Also lifts a lock left by
 * failed login attempts.
 */
@Component
public class AdminPasswordSync extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AdminPasswordSync.class);

  private final CamundaBpmProperties properties;

  public AdminPasswordSync(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AdminUserProperty admin = properties.getAdminUser();
    if (admin == null || admin.getId() == null || admin.getPassword() == null) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(admin.getId()).singleResult();
    if (user == null) {
      return; // the starter creates it with the configured password
    }
    user.setPassword(admin.getPassword());
    identity.saveUser(user);
    identity.unlockUser(admin.getId());
    LOG.info("Engine user '{}' has the configured password", admin.getId());
  }
}
