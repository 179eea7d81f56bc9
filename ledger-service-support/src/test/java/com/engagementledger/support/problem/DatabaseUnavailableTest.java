package com.engagementledger.support.problem;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

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
    void a_failure_of_the_message_itself_is_not() {
        assertThat(DatabaseUnavailable.isCause(new ListenerExecutionFailedException("listener failed",
                new IllegalArgumentException("bad payload")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
