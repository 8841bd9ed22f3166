package pl.mopsflow.enginehost.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On PostgreSQL with {@code currentSchema=<name>} in the JDBC URL, creates that schema as soon as the DataSource
 * exists, before the engine creates its tables in it (a container has nobody else to do it). The app creates it
 * too when it starts the host itself; both are idempotent.
 */
public class EngineSchemaCreator implements BeanPostProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaCreator.class);
  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([a-z_][a-z0-9_]*)(?:&|$)");

  private final String jdbcUrl;
  private boolean done;

  public EngineSchemaCreator(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** The schema to create, or null when the URL is not PostgreSQL or names none. */
  static String schemaOf(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      return null;
    }
    Matcher matcher = CURRENT_SCHEMA.matcher(jdbcUrl);
    return matcher.find() ? matcher.group(1) : null;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    String schema = schemaOf(jdbcUrl);
    if (done || schema == null || !(bean instanceof DataSource dataSource)) {
      return bean;
    }
    done = true;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info("Engine schema '{}' is there", schema);
    } catch (SQLException failure) {
      throw new IllegalStateException("Could not create schema " + schema, failure);
    }
    return bean;
  }
}
