package org.opensupervision.handling.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables, with a clear error when a variable the model promises is missing. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String requiredString(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    static Instant instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("Process variable '" + name + "' is not a date: " + value);
    }

    static Integer integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
