package org.opensupervision.web;

/** Tells a database that cannot be reached from other failures, for code that decides by it what to try next. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether the failure, anywhere in its causes, is a database that cannot be reached (stopped, failing over,
     * network cut, no free connection within the pool's timeout): the same test as the 503 answers'.
     */
    public static boolean isUnreachable(Throwable failure) {
        return DatabaseUnavailableAdvice.isDatabaseUnavailable(failure);
    }
}
