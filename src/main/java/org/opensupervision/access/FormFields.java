package org.opensupervision.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables a Camunda Form lets the person completing its task set: the keys of its keyed fields that are
 * neither disabled nor read-only (disabled fields show platform facts; Tasklist's form-js does not send them back),
 * each with what the form says about its value (type, options, length, range). Nested keys and paths (a group with a
 * {@code path}, a key {@code a.b}) declare their first segment, an object variable, whose content is not checked.
 */
final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String formId;
    private final Map<String, Field> writable;

    private FormFields(String formId, Map<String, Field> writable) {
        this.formId = formId;
        this.writable = Collections.unmodifiableMap(writable);
    }

    /** One writable field: its form-js type, the option values of a radio or select, and its limits. */
    record Field(String key, String type, List<String> options, Integer maxLength, Double min, Double max,
                 boolean nested, String label) {

        /** How a message names the field: its label on the form, else its key. */
        String named() {
            return label == null || label.isBlank() ? key : "「" + label + "」";
        }
    }

    /** A problem with one submitted value: the variable and a message in Chinese, shown to staff in Tasklist. */
    record Violation(String variable, String message) {
    }

    static FormFields parse(byte[] form) {
        try {
            JsonNode root = JSON.readTree(form);
            Map<String, Field> writable = new LinkedHashMap<>();
            collect(root.path("components"), "", writable);
            return new FormFields(root.path("id").asText(""), writable);
        } catch (IOException e) {
            throw new IllegalStateException("A deployed Camunda Form cannot be read", e);
        }
    }

    private static void collect(JsonNode components, String pathPrefix, Map<String, Field> writable) {
        for (JsonNode component : components) {
            String prefix = pathPrefix;
            if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
                prefix = pathPrefix + component.path("path").asText() + ".";
            }
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
                    && !component.path("readonly").asBoolean(false)) {
                String fullKey = prefix + component.path("key").asText();
                String variable = fullKey.contains(".") ? fullKey.substring(0, fullKey.indexOf('.')) : fullKey;
                boolean nested = !variable.equals(fullKey);
                writable.putIfAbsent(variable, nested
                        ? new Field(variable, "object", List.of(), null, null, null, true, null)
                        : field(variable, component));
            }
            collect(component.path("components"), prefix, writable);
        }
    }

    private static Field field(String key, JsonNode component) {
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        JsonNode validate = component.path("validate");
        Integer maxLength = validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null;
        Double min = validate.hasNonNull("min") ? validate.path("min").asDouble() : null;
        Double max = validate.hasNonNull("max") ? validate.path("max").asDouble() : null;
        return new Field(key, component.path("type").asText(""), List.copyOf(options), maxLength, min, max, false,
                component.path("label").asText(null));
    }

    String formId() {
        return formId;
    }

    Set<String> writableKeys() {
        return writable.keySet();
    }

    boolean declares(String variable) {
        return writable.containsKey(variable);
    }

    /**
     * The value as the form would see it. A serialized object that was never deserialized (an {@code Object} or
     * {@code Json} variable sent through the REST API) is no plain value and stays as it is, failing every check.
     */
    private static Object plain(Object submitted) {
        if (submitted instanceof SerializableValue serialized && !serialized.isDeserialized()) {
            return serialized;
        }
        return submitted instanceof TypedValue typed ? typed.getValue() : submitted;
    }

    /** What is wrong with the value of a declared variable, or {@code null}. */
    Violation check(String variable, Object submitted) {
        Field field = writable.get(variable);
        Object value = plain(submitted);
        if (value == null || field.nested()) {
            return null;
        }
        switch (field.type()) {
            case "textfield", "textarea" -> {
                if (!(value instanceof String text)) {
                    return new Violation(variable, field.named() + "须为文本");
                }
                if (field.maxLength() != null && text.length() > field.maxLength()) {
                    return new Violation(variable, field.named() + "不得超过 " + field.maxLength()
                            + " 个字，请删减后再提交");
                }
            }
            case "number" -> {
                if (!(value instanceof Number number)) {
                    return new Violation(variable, field.named() + "须为数字");
                }
                double amount = number.doubleValue();
                if ((field.min() != null && amount < field.min()) || (field.max() != null && amount > field.max())) {
                    return new Violation(variable, field.named() + "超出允许范围"
                            + range(field));
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    return new Violation(variable, field.named() + "须为是或否");
                }
            }
            case "radio", "select" -> {
                if (!field.options().isEmpty() && !field.options().contains(String.valueOf(value))) {
                    return new Violation(variable, field.named() + "须从表单的选项中选择："
                            + String.join("、", field.options()));
                }
            }
            default -> {
                // Other field types (date-time, lists, expressions) are only declared: their values are the
                // task listeners' to validate.
            }
        }
        return null;
    }

    private static String range(Field field) {
        if (field.min() != null && field.max() != null) {
            return "（" + plainNumber(field.min()) + " 至 " + plainNumber(field.max()) + "）";
        }
        if (field.min() != null) {
            return "（不小于 " + plainNumber(field.min()) + "）";
        }
        return field.max() != null ? "（不大于 " + plainNumber(field.max()) + "）" : "";
    }

    private static String plainNumber(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
