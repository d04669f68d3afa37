package org.opensupervision.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case's timeline as people read it (issue 16): each entry in words ("省市场监督管理局已首次反馈"), departments and
 * people by name instead of group and user ids, times in Beijing time, the details cut down to what a reader needs
 * (a deadline, who the task went to, a reason). The words are in {@code messages*.properties}: a sentence for the
 * steps people ask about ({@code timeline.event.<kind>.<element>}), else one per kind of entry
 * ({@code timeline.event.<kind>}) around the step's name in the reader's language. Which department a step of the
 * case concerns is taken from the task it belongs to (its candidate group), the nearest such task otherwise. The raw
 * entries stay on the raw view of the same page.
 */
@Component
public class TimelineWording {

    /** One line of the timeline in words. */
    public record Line(Instant at, String time, String event, String who, String summary, String reason,
                       boolean byPerson) {
    }

    private static final int MAX_SUMMARY = 120;

    private final MessageSource messages;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;
    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    TimelineWording(MessageSource messages, DepartmentDirectory departments, DeadlineDisplay display,
                    IdentityService identity) {
        this.messages = messages;
        this.departments = departments;
        this.display = display;
        this.identity = identity;
    }

    /** The timeline's items in words, in the same order. */
    public List<Line> of(List<TimelineItem> items, Locale locale) {
        List<JsonNode> details = items.stream().map(i -> parse(i.detail())).toList();
        Map<String, String> names = new HashMap<>();
        List<Line> lines = new ArrayList<>(items.size());
        for (int n = 0; n < items.size(); n++) {
            TimelineItem item = items.get(n);
            JsonNode detail = details.get(n);
            String department = departmentOf(items, details, n, locale);
            String step = stepName(item.title(), locale);
            Object[] args = {department, step, due(detail)};
            String event = specific(item, args, locale).orElseGet(() -> text("timeline.event." + item.kind(), args,
                    locale).orElse(step == null || step.isBlank() ? item.kind() : step));
            lines.add(new Line(item.at(), display.local(item.at()), event, who(item, names, locale),
                    summary(item, detail, locale), item.reason(), item.actor() != null));
        }
        return lines;
    }

    private Optional<String> specific(TimelineItem item, Object[] args, Locale locale) {
        if (item.element() == null) {
            return Optional.empty();
        }
        return text("timeline.event." + item.kind() + "." + item.element(), args, locale);
    }

    /**
     * The department a line concerns: of its own task's candidates, else of the nearest task offered to a
     * department before it (the department holding the case then), else after it (a routing step names the
     * department the next task goes to). Empty when no department appears.
     */
    private String departmentOf(List<TimelineItem> items, List<JsonNode> details, int index, Locale locale) {
        Optional<Department> own = department(details.get(index));
        if (own.isPresent()) {
            return own.get().name(locale);
        }
        boolean routing = items.get(index).element() != null
                && (items.get(index).element().contains("Routing") || items.get(index).element().contains("Redirect"));
        for (int step = 1; step < items.size(); step++) {
            int first = routing ? index + step : index - step;
            int second = routing ? index - step : index + step;
            for (int n : new int[] {first, second}) {
                if (n >= 0 && n < items.size()) {
                    Optional<Department> found = department(details.get(n));
                    if (found.isPresent()) {
                        return found.get().name(locale);
                    }
                }
            }
        }
        return text("timeline.department.unknown", null, locale).orElse("");
    }

    private Optional<Department> department(JsonNode detail) {
        if (detail == null) {
            return Optional.empty();
        }
        for (String list : new String[] {"candidates", "added"}) {
            JsonNode groups = detail.get(list);
            if (groups != null && groups.isArray()) {
                for (JsonNode group : groups) {
                    Optional<Department> d = departments.all().stream()
                            .filter(dep -> dep.handlingGroup().equals(group.asText())).findFirst();
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The step's name in the reader's language: models name steps "中文 English". */
    static String stepName(String title, Locale locale) {
        if (title == null) {
            return null;
        }
        int latin = -1;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                latin = i;
                break;
            }
        }
        if (latin <= 0) {
            return title;   // one language only, or an element id
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return (english ? title.substring(latin) : title.substring(0, latin)).trim();
    }

    private String who(TimelineItem item, Map<String, String> names, Locale locale) {
        if (item.actor() != null) {
            return names.computeIfAbsent(item.actor(), id -> personName(id, locale));
        }
        return text("timeline.origin." + item.origin(), null, locale).orElse(item.origin());
    }

    private String personName(String userId, Locale locale) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        boolean chinese = (first + last).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN);
        String name = (chinese ? first + last : first + " " + last).trim();
        return name.isEmpty() ? userId : name;
    }

    private String due(JsonNode detail) {
        JsonNode due = detail == null ? null : detail.get("due");
        if (due == null || due.isNull()) {
            return "";
        }
        try {
            return display.local(Instant.parse(due.asText()));
        } catch (RuntimeException notAnInstant) {
            return due.asText();
        }
    }

    /** The facts a reader needs from the entry: a deadline, who the task is offered to, a state. */
    private String summary(TimelineItem item, JsonNode detail, Locale locale) {
        if (detail == null || !detail.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String due = due(detail);
        if (!due.isEmpty()) {
            parts.add(text("timeline.summary.due", new Object[] {due}, locale).orElse(due));
        }
        for (String list : new String[] {"candidates", "added"}) {
            JsonNode groups = detail.get(list);
            if (groups != null && groups.isArray() && !groups.isEmpty()) {
                List<String> named = new ArrayList<>();
                groups.forEach(g -> named.add(groupName(g.asText(), locale)));
                parts.add(text("timeline.summary." + list, new Object[] {String.join("、", named)}, locale)
                        .orElse(String.join(", ", named)));
            }
        }
        JsonNode assignee = detail.get("assignee");
        if (assignee != null && assignee.isTextual()) {
            parts.add(text("timeline.summary.assignee", new Object[] {personName(assignee.asText(), locale)}, locale)
                    .orElse(assignee.asText()));
        }
        JsonNode level = detail.get("level");
        if (level != null && level.canConvertToInt()) {
            parts.add(text("timeline.level." + level.asInt(), null, locale)
                    .orElse(text("timeline.summary.level", new Object[] {level.asInt()}, locale).orElse("")));
        }
        JsonNode reason = detail.get("reason");
        if (reason != null && reason.isTextual() && item.reason() == null) {
            parts.add(reason.asText());
        }
        JsonNode changes = detail.get("changes");
        if (changes != null && changes.isObject()) {
            List<String> changed = new ArrayList<>();
            changes.fieldNames().forEachRemaining(changed::add);
            parts.add(text("timeline.summary.changes", new Object[] {String.join(", ", changed)}, locale)
                    .orElse(String.join(", ", changed)));
        }
        String summary = String.join("；", parts);
        return summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) + "…" : summary;
    }

    private String groupName(String group, Locale locale) {
        if (group.startsWith("user:")) {
            return personName(group.substring("user:".length()), locale);
        }
        Optional<Department> department = departments.all().stream().filter(d -> d.handlingGroup().equals(group))
                .findFirst();
        if (department.isPresent()) {
            return department.get().name(locale);
        }
        return text("timeline.group." + group, null, locale).orElse(group);
    }

    private Optional<String> text(String key, Object[] args, Locale locale) {
        try {
            return Optional.of(messages.getMessage(key, args, locale));
        } catch (NoSuchMessageException missing) {
            return Optional.empty();
        }
    }

    private JsonNode parse(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        try {
            return json.readTree(detail);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
