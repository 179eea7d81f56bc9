package com.engagementledger.support.problem;

import com.engagementledger.embedded.EmbeddedPostgresServer;
import com.engagementledger.embedded.LedgerInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A database that cannot be reached is told apart from a bad request or message, however deeply it is wrapped. */
class DatabaseUnavailableTest {

    @Test
    void a_connection_that_cannot_be_had_is_waited_out_however_deeply_wrapped() {
        Exception noConnection = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException(new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        assertThat(DatabaseUnavailable.isCause(noConnection)).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator "
                + "command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("connection refused", "08001"))).isTrue();
    }

    @Test
    void a_connection_that_breaks_mid_transaction_is_waited_out_though_the_rollback_fails_too() {
        String url = LedgerInfrastructure.shared().postgres().jdbcUrl("ledger_notification");
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(EmbeddedPostgresServer.USER);
        pool.setPassword(EmbeddedPostgresServer.PASSWORD);
        pool.setMaximumPoolSize(1);
        SingleConnectionDataSource operator = null;
        try {
            operator = connection(url, true);
            JdbcTemplate administrator = new JdbcTemplate(operator);
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            Throwable failure = catchThrowable(() -> new TransactionTemplate(new DataSourceTransactionManager(pool))
                    .executeWithoutResult(tx -> {
                        Integer backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
                        // what a database restart does to every open connection
                        administrator.queryForObject("select pg_terminate_backend(?)", Boolean.class, backend);
                        jdbc.queryForObject("select 1", Integer.class);
                    }));

            // the pool closed the broken connection, so the rollback fails with no SQLSTATE of its own
            assertThat(failure).isInstanceOf(TransactionSystemException.class).hasMessageContaining("rollback");
            assertThat(DatabaseUnavailable.isCause(failure)).as(failure.toString()).isTrue();
            assertThat(DatabaseUnavailable.isTransient(failure)).isTrue();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            if (operator != null) {
                operator.destroy();
            }
            pool.close();
        }
    }

    @Test
    void a_deadlock_victim_is_transient_though_the_database_is_reachable() throws Exception {
        String url = LedgerInfrastructure.shared().postgres().jdbcUrl("ledger_notification");
        String table = "deadlock_probe_" + System.nanoTime();
        SingleConnectionDataSource setup = connection(url, true);
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        SingleConnectionDataSource a = connection(url, false);
        SingleConnectionDataSource b = connection(url, false);
        new JdbcTemplate(setup).execute("create table " + table + " (id int primary key, n int not null)");
        new JdbcTemplate(setup).execute("insert into " + table + " values (1, 0), (2, 0)");
        try {
            increment(a, table, 1);
            increment(b, table, 2);
            // each now waits for the other's row: PostgreSQL aborts one statement as the deadlock victim, which rolls
            // back (releasing its row), so the survivor's update goes through: retrying is all the victim needs
            List<CompletableFuture<Integer>> waiting = List.of(
                    CompletableFuture.supplyAsync(() -> incrementOrRollBack(a, table, 2), waiters),
                    CompletableFuture.supplyAsync(() -> incrementOrRollBack(b, table, 1), waiters));
            List<Throwable> failures = new java.util.ArrayList<>();
            for (CompletableFuture<Integer> update : waiting) {
                try {
                    assertThat(update.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }

            assertThat(failures).as("one deadlock victim").hasSize(1);
            assertThat(DatabaseUnavailable.isTransient(failures.get(0))).as(failures.get(0).toString()).isTrue();
            assertThat(DatabaseUnavailable.isCause(failures.get(0))).as("reachable, so not a 503").isFalse();
        } finally {
            a.getConnection().rollback();
            b.getConnection().rollback();
            new JdbcTemplate(setup).execute("drop table " + table);
            List.of(setup, a, b).forEach(SingleConnectionDataSource::destroy);
            waiters.shutdownNow();
        }
    }

    private static SingleConnectionDataSource connection(String url, boolean autoCommit) throws SQLException {
        Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
        connection.setAutoCommit(autoCommit);
        return new SingleConnectionDataSource(connection, true);
    }

    private static int incrementOrRollBack(SingleConnectionDataSource connection, String table, int id) {
        try {
            return increment(connection, table, id);
        } catch (RuntimeException e) {
            try {
                connection.getConnection().rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static int increment(SingleConnectionDataSource connection, String table, int id) {
        return new JdbcTemplate(connection).update("update " + table + " set n = n + 1 where id = ?", id);
    }

    @Test
    void a_failure_of_the_message_itself_is_not() {
        assertThat(DatabaseUnavailable.isCause(new ListenerExecutionFailedException("listener failed",
                new IllegalArgumentException("bad payload")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isTransient(new ListenerExecutionFailedException("listener failed",
                new IllegalArgumentException("bad payload")))).isFalse();
    }
}
