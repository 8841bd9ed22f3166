package pl.mopsflow.enginehost.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts HTTP Basic in front of the engine REST API and the host's own endpoints. */
@Configuration
public class SecurityConfiguration {

  @Bean
  VerifiedCredentials verifiedCredentials(@Value("${mops.auth.cache-ms:30000}") long cacheMillis) {
    return new VerifiedCredentials(cacheMillis);
  }

  @Bean
  ServiceAccount serviceAccount(CamundaBpmProperties properties) {
    AdminUserProperty admin = properties.getAdminUser();
    return admin == null ? new ServiceAccount(null, null) : new ServiceAccount(admin.getId(), admin.getPassword());
  }

  @Bean
  FilterRegistrationBean<BasicAuthFilter> basicAuthFilter(
      ProcessEngine engine, VerifiedCredentials verified, ServiceAccount serviceAccount) {
    FilterRegistrationBean<BasicAuthFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthFilter(engine.getIdentityService(), verified, serviceAccount));
    registration.addUrlPatterns("/engine-rest/*", "/mops/*");
    registration.setName("mops-basic-auth");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
