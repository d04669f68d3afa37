package org.opensupervision.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The database is unreachable (stopped, failing over, network cut, no free connection within the pool's connection
 * timeout): {@code 503} with {@code Retry-After}, as problem details for the JSON APIs and as the error page for
 * pages, never a 500. Nothing of the request was stored (its transaction never committed), so a client may send it
 * again, with the same {@code Idempotency-Key}. Any other data-access failure is left to the usual handling.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    /** Seconds a client should wait: a PostgreSQL restart or a Patroni failover takes about this long. */
    static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    private final Problems problems;

    DatabaseUnavailableAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, HandlerMethod handler,
                                                      HttpServletResponse response, Locale locale)
            throws Exception {
        if (!isDatabaseUnavailable(ex)) {
            throw ex;
        }
        log.warn("Database unavailable, answered 503: {}", rootMessage(ex));
        if (!answersJson(handler)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            sendError(response);
            return null;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                        "problem.serviceUnavailable", locale));
    }

    /** Whether the failure, anywhere in its causes, is a database that cannot be reached. */
    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionState(sql) || failedRollback(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting up. */
    private static boolean connectionState(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.matches("57P0[123]"));
    }

    /**
     * A connection that cannot even roll back is gone. This is what a request sees when the database goes away in
     * the middle of its transaction: the pool has already retired the broken connection, its rollback fails (HikariCP:
     * "Connection is closed", without an SQLSTATE), and that failure replaces the original one.
     */
    private static boolean failedRollback(SQLException failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if ("rollback".equals(frame.getMethodName()) && frame.getClassName().contains("Connection")) {
                return true;
            }
        }
        return false;
    }

    private static boolean answersJson(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class);
    }

    private static void sendError(HttpServletResponse response) {
        try {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        } catch (IOException ex) {
            // The client went away: nothing to answer.
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
