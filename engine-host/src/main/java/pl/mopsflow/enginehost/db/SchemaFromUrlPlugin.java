package pl.mopsflow.enginehost.db;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * With {@code currentSchema=<name>} in a PostgreSQL URL the engine also uses that schema for its table check and
 * its queries ({@code databaseSchema} + table prefix {@code <name>.}). Without it the engine looks for its tables in
 * every schema of the database: another Camunda schema next to ours would make it skip creating its own tables.
 */
public class SchemaFromUrlPlugin extends AbstractProcessEnginePlugin {

  private final String jdbcUrl;

  public SchemaFromUrlPlugin(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    String schema = EngineSchemaCreator.schemaOf(jdbcUrl);
    if (schema == null || config.getDatabaseSchema() != null) {
      return;
    }
    config.setDatabaseSchema(schema);
    config.setDatabaseTablePrefix(schema + ".");
  }
}
