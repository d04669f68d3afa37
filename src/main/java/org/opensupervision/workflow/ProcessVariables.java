package org.opensupervision.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one way delegates and listeners read process variables, for every model.
 *
 * <p>The trimming rule: a text variable is read stripped of leading and trailing whitespace, and a text that is blank
 * (or absent) reads as {@code null}. A form sends {@code ""} for a field left empty and keeps what the user typed
 * around a value; neither is a value the process should act on or store. Text is never changed in the variable itself.
 */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /** The variable as text, stripped; {@code null} when absent or blank. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The variable as text, stripped; fails when the model did not provide it (a wiring error, not the user's). */
    public static String requiredText(VariableScope scope, String name) {
        String value = text(scope, name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    /** The variable as text, stripped; refuses a task completion without it, with a message Tasklist shows. */
    public static String requiredText(VariableScope scope, String name, String message) {
        String value = text(scope, name);
        if (value == null) {
            throw new BadUserRequestException(message);
        }
        return value;
    }

    /** A date variable as an instant; fails when it is missing or not a date. */
    public static Instant instant(VariableScope scope, String name) {
        return required(scope, name, Date.class, "a date").toInstant();
    }

    /** A whole number, from a number or its text; {@code null} when absent, blank or not a number. */
    public static Integer integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** A number variable the model always sets (an id, a round); fails when it is missing. */
    public static long requiredLong(VariableScope scope, String name) {
        return required(scope, name, Number.class, "a number").longValue();
    }

    /** A whole number the model always sets (a round, a count); fails when it is missing. */
    public static int requiredInt(VariableScope scope, String name) {
        return Math.toIntExact(requiredLong(scope, name));
    }

    /** A yes/no variable: {@code true} only for {@code true} or its text. */
    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    /**
     * A decision a form sent, as the enum shared by the model's gateway conditions and the code; {@code null} when
     * absent or blank, and a {@link BadUserRequestException} with the given message (and the value) when it is none
     * of them.
     */
    public static <E extends Enum<E>> E decision(VariableScope scope, String name, Class<E> type,
                                                 String unknownMessage) {
        String value = text(scope, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException ex) {
            throw new BadUserRequestException(unknownMessage + ": " + value);
        }
    }

    /** The logged-in user completing the step that led here (Tasklist, REST), or {@code null} for the engine. */
    public static String actor(DelegateExecution execution) {
        Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return login == null ? null : login.getUserId();
    }

    private static <T> T required(VariableScope scope, String name, Class<T> type, String what) {
        Object value = scope.getVariable(name);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalStateException("Process variable '" + name + "' is not " + what + ": " + value);
    }
}
