package org.opensupervision.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableAdviceTest {

    @Test
    void aPoolThatGetsNoConnectionIsAnUnavailableDatabase() {
        assertThat(DatabaseUnavailableAdvice.isDatabaseUnavailable(new CannotCreateTransactionException(
                "no connection", new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))
                .isTrue();
    }

    @Test
    void aConnectionLostInsideTheEngineIsAnUnavailableDatabase() {
        SQLException closed = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailableAdvice.isDatabaseUnavailable(
                new ProcessEngineException("flush failed", new RuntimeException(closed)))).isTrue();
        assertThat(DatabaseUnavailableAdvice.isDatabaseUnavailable(new TransactionSystemException("commit failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolHasRetiredIsAnUnavailableDatabase() {
        // What a request sees when the database goes away mid-transaction: the rollback failure replaces the original.
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection", "rollback", "ProxyConnection.java",
                        386)});
        assertThat(DatabaseUnavailableAdvice.isDatabaseUnavailable(new JpaSystemException(
                new RuntimeException("Unable to rollback against JDBC Connection", closed)))).isTrue();
    }

    @Test
    void otherDataAccessFailuresAreNotMistakenForAnOutage() {
        assertThat(DatabaseUnavailableAdvice.isDatabaseUnavailable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailableAdvice.isDatabaseUnavailable(new OptimisticLockingException("concurrent")))
                .isFalse();
    }
}
