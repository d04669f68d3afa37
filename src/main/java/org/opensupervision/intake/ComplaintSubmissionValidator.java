package org.opensupervision.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.web.ControlCharacters;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Checks a submission field by field; error codes resolve to zh-CN and English messages. */
@Component
class ComplaintSubmissionValidator implements Validator {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_CASE_NUMBER = 64;

    private static final Pattern PHONE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    /**
     * Letters, digits and {@code . _ % + -} before the @, labels of letters, digits and hyphens after it: no markup,
     * quotes, spaces or control characters reach a page, a mail header or a log line, and every accepted address is one
     * the log masking ({@code privacy.logging.ContactRedaction}) recognises.
     */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+");
    /** No complaint is about an approval before the online service hall existed; 0000-01-01 is a typing error. */
    static final LocalDate EARLIEST_INCIDENT = LocalDate.of(2000, 1, 1);
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9\\-]+");

    private final DepartmentDirectory departments;
    private final Clock clock;
    private final WorkingDayCalendar calendar;

    ComplaintSubmissionValidator(DepartmentDirectory departments, Clock clock, WorkingDayCalendar calendar) {
        this.departments = departments;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ComplaintSubmission.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ComplaintSubmission s = (ComplaintSubmission) target;
        if (blank(s.getDepartmentCode())) {
            errors.rejectValue("departmentCode", "complaint.departmentCode.required");
        } else if (ControlCharacters.inLine(s.getDepartmentCode())) {
            rejectControlCharacters(errors, "departmentCode");
        } else if (departments.find(s.getDepartmentCode().trim()).isEmpty()) {
            errors.rejectValue("departmentCode", "complaint.departmentCode.unknown");
        }
        if (blank(s.getCategory())) {
            errors.rejectValue("category", "complaint.category.required");
        } else if (Arrays.stream(ComplaintCategory.values()).noneMatch(c -> c.name().equals(s.getCategory().trim()))) {
            errors.rejectValue("category", "complaint.category.unknown",
                    new Object[] {Arrays.toString(ComplaintCategory.values())}, null);
        }
        requiredText(errors, "title", s.getTitle(), MAX_TITLE, false);
        requiredText(errors, "description", s.getDescription(), MAX_DESCRIPTION, true);
        if (!blank(s.getApprovalCaseNumber())) {
            String number = s.getApprovalCaseNumber().trim();
            if (number.length() > MAX_CASE_NUMBER || !CASE_NUMBER.matcher(number).matches()) {
                errors.rejectValue("approvalCaseNumber", "complaint.approvalCaseNumber.invalid");
            }
        }
        if (!blank(s.getIncidentDate())) {
            validateIncidentDate(s.getIncidentDate().trim(), errors);
        }
        if (!s.isAnonymous()) {
            validateContact(s.getContact(), errors);
        }
    }

    private void validateIncidentDate(String text, Errors errors) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.ofInstant(clock.instant(), calendar.zone()))) {
                errors.rejectValue("incidentDate", "complaint.incidentDate.future");
            } else if (date.isBefore(EARLIEST_INCIDENT)) {
                errors.rejectValue("incidentDate", "complaint.incidentDate.tooEarly",
                        new Object[] {EARLIEST_INCIDENT.toString()}, null);
            }
        } catch (DateTimeParseException ex) {
            errors.rejectValue("incidentDate", "complaint.incidentDate.invalid");
        }
    }

    private void validateContact(ComplaintSubmission.Contact contact, Errors errors) {
        if (blank(contact.getName())) {
            errors.rejectValue("contact.name", "complaint.contact.name.required");
        } else if (contact.getName().trim().length() > MAX_NAME) {
            errors.rejectValue("contact.name", "complaint.field.tooLong", new Object[] {MAX_NAME}, null);
        } else if (ControlCharacters.inLine(contact.getName())) {
            rejectControlCharacters(errors, "contact.name");
        }
        boolean noPhone = blank(contact.getPhone());
        boolean noEmail = blank(contact.getEmail());
        if (noPhone && noEmail) {
            // Either field resolves it, so the message stands at both.
            errors.rejectValue("contact.phone", "complaint.contact.phoneOrEmail.required");
            errors.rejectValue("contact.email", "complaint.contact.phoneOrEmail.required");
        }
        if (!noPhone && !PHONE.matcher(contact.getPhone().trim()).matches()) {
            errors.rejectValue("contact.phone", "complaint.contact.phone.invalid");
        }
        if (!noEmail) {
            String email = contact.getEmail().trim();
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                errors.rejectValue("contact.email", "complaint.contact.email.invalid");
            }
        }
    }

    private static void requiredText(Errors errors, String field, String value, int max, boolean multiLine) {
        if (blank(value)) {
            errors.rejectValue(field, "complaint." + field + ".required");
        } else if (value.trim().length() > max) {
            errors.rejectValue(field, "complaint.field.tooLong", new Object[] {max}, null);
        } else if (multiLine ? ControlCharacters.inText(value) : ControlCharacters.inLine(value)) {
            rejectControlCharacters(errors, field);
        }
    }

    private static void rejectControlCharacters(Errors errors, String field) {
        errors.rejectValue(field, "field." + ControlCharacters.CODE);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
