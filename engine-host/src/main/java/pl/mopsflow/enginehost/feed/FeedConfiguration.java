package pl.mopsflow.enginehost.feed;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event feed, on when {@code mops.feed.url} is set. The outbox table exists before the engine starts. */
@Configuration
@EnableConfigurationProperties(FeedProperties.class)
@ConditionalOnExpression("!'${mops.feed.url:}'.isBlank()")
public class FeedConfiguration {

  @Bean
  OutboxDrainer outboxDrainer(DataSource dataSource, FeedProperties properties) {
    return new OutboxDrainer(dataSource, properties, OutboxTable.ensure(dataSource));
  }

  @Bean
  EventFeedPlugin eventFeedPlugin(OutboxDrainer drainer) {
    return new EventFeedPlugin(new FeedSessionFactory(new EventJson(), drainer::wake));
  }
}
