package com.engagementledger.support.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means "our database cannot be reached", not "this request or message is bad". A request is
 * answered 503 (retry later); a consumer waits it out instead of dead-lettering a message that is fine.
 * {@code CannotGetJdbcConnectionException} is a {@link DataAccessResourceFailureException}.
 * <p>
 * {@link #isTransient} widens this for consumers to every failure that is the database's momentary state rather
 * than the message's fault, such as being chosen as a deadlock victim: retried as is, the same work succeeds.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a connection that broke mid-transaction fails the rollback too ("Connection is closed", no SQLSTATE);
            // the failure that made it roll back says why
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 53: insufficient resources; 57P: operator intervention (terminated, shutdown)
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached, or it refused this transaction for the moment: deadlock victim, serialization
     * failure, lock not available (Spring's {@link TransientDataAccessException}; SQLSTATE class 40, 55P03).
     */
    public static boolean isTransient(Throwable failure) {
        if (isCause(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isTransient(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("55P03"))) {
                return true;
            }
        }
        return false;
    }
}
