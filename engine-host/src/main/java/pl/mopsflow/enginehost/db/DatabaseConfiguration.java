package pl.mopsflow.enginehost.db;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's own schema on PostgreSQL, created before the engine needs it. */
@Configuration
public class DatabaseConfiguration {

  @Bean
  static EngineSchemaCreator engineSchemaCreator(@Value("${spring.datasource.url:}") String jdbcUrl) {
    return new EngineSchemaCreator(jdbcUrl);
  }

  @Bean
  SchemaFromUrlPlugin schemaFromUrlPlugin(@Value("${spring.datasource.url:}") String jdbcUrl) {
    return new SchemaFromUrlPlugin(jdbcUrl);
  }
}
