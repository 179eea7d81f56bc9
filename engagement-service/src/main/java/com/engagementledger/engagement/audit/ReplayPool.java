package com.engagementledger.engagement.audit;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * asOf's replay reads through a small pool of its own, whose sessions keep generic plans
 * ({@code plan_cache_mode=force_generic_plan}). The replay's shape has the same plan whatever its values
 * ({@link AsOfReplay#sql}, {@code AsOfPlanTest}), but left to choose, PostgreSQL keeps planning it with its values
 * wherever few engagements hold the events: two to three times the cost of a query on the generic plan. The
 * setting is per session, and the main pool's audit reads must stay custom
 * planned ({@link CustomPlans}), hence a pool. Not a default candidate: every other bean keeps the main DataSource
 * (Spring Boot's way to add a second one), which also keeps it out of Boot's pool metrics and health check: it
 * registers its own metrics ({@code hikaricp.connections*{pool="as-of-replay"}}), and the main pool's health check
 * covers the same database.
 */
@Configuration(proxyBeanMethods = false)
class ReplayPool {
    static final String NAME = "asOfReplay";

    @Bean(defaultCandidate = false)
    @Qualifier(NAME)
    HikariDataSource asOfReplayDataSource(DataSourceProperties properties, MeterRegistry meters,
                                          @Value("${ledger.audit.replay-pool-size}") int size) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("as-of-replay");
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        pool.setReadOnly(true);
        pool.setMetricRegistry(meters);
        // on each new session, whatever the URL's own options
        pool.setConnectionInitSql("set plan_cache_mode = force_generic_plan");
        // prepared on the server at once, so the generic plan is made on a connection's first replay and kept
        pool.addDataSourceProperty("prepareThreshold", "1");
        return pool;
    }
}
