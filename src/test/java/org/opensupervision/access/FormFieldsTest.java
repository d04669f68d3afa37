package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What a Camunda Form lets the person completing its task set, read from the forms as deployed. */
class FormFieldsTest {

    /** Facts the platform computes or that a step already decided: never a form's editable field. */
    private static final Set<String> PLATFORM_OWNED = Set.of(Var.TRACKING_NUMBER, Var.COMPLAINT_ID,
            Var.DEPARTMENT_CODE, Var.SUBMITTED_AT, Var.FIRST_FEEDBACK_DUE_AT, Var.FIRST_FEEDBACK_REMINDER_AT,
            Var.ROUTING, Var.ROUTING_RULE, Var.HANDLING_DEPARTMENT_CODE, Var.HANDLING_DEPARTMENT_NAME, Var.HANDLING_GROUP,
            Var.PRIORITY, Var.HANDLING_DUE_AT, Var.HANDLING_REMINDER_AT, Var.EXTENSION_REQUESTED,
            Var.HANDLING_BREACH_IS_NEW, Var.REWORK_COUNT, Var.ANONYMOUS, "ratingRound", "ratingDueAt", "ratingBad",
            "rectificationDueAt", "appealFiled", "rectificationGroup", "preliminaryReviewDueAt",
            "investigationDueAt", "investigationExtended", "escalatedDepartmentCode", "escalationSeverity");

    private static FormFields form(String id) throws IOException {
        try (InputStream in = FormFieldsTest.class.getResourceAsStream("/forms/" + id + ".form")) {
            return FormFields.parse(in.readAllBytes());
        }
    }

    @Test
    void theHandlingFormDeclaresItsEnabledFieldsOnly() throws IOException {
        FormFields handling = form("complaintHandling");
        assertThat(handling.formId()).isEqualTo("complaintHandling");
        assertThat(handling.writableKeys())
                .containsExactly("handlingAction", "replyText", "extensionReason", "extensionWorkingDays");
        assertThat(handling.declares(Var.HANDLING_DUE_AT)).isFalse();
        assertThat(handling.declares(Var.TRACKING_NUMBER)).as("shown, disabled").isFalse();
    }

    @Test
    void noFormLetsAPlatformOwnedFactBeSet() throws IOException {
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
        assertThat(forms).hasSizeGreaterThanOrEqualTo(15);
        for (Resource resource : forms) {
            try (InputStream in = resource.getInputStream()) {
                FormFields form = FormFields.parse(in.readAllBytes());
                assertThat(form.writableKeys()).as(resource.getFilename()).isNotEmpty()
                        .doesNotContainAnyElementsOf(PLATFORM_OWNED);
            }
        }
    }

    @Test
    void valuesAreCheckedAgainstTheFieldsTypeOptionsAndLimits() throws IOException {
        FormFields handling = form("complaintHandling");
        assertThat(handling.check("handlingAction", "REPLY")).isNull();
        assertThat(handling.check("handlingAction", Variables.untypedValue("REQUEST_EXTENSION"))).isNull();
        assertThat(handling.check("handlingAction", "CLOSE_QUIETLY").message()).contains("REPLY");
        assertThat(handling.check("replyText", 42)).isNotNull();
        assertThat(handling.check("replyText", null)).as("an empty field").isNull();
        assertThat(handling.check("extensionWorkingDays", 15)).isNull();
        assertThat(handling.check("extensionWorkingDays", 16)).isNotNull();
        assertThat(handling.check("extensionWorkingDays", "5")).isNotNull();
        assertThat(handling.check("extensionReason", "理".repeat(2001))).isNotNull();
        assertThat(handling.check("replyText", Variables.serializedObjectValue("\"x\"")
                .serializationDataFormat("application/json").objectTypeName("java.lang.String").create()))
                .as("a serialized object is no text").isNotNull();

        FormFields review = form("extensionReview");
        assertThat(review.check("extensionApproved", true)).isNull();
        assertThat(review.check("extensionApproved", "yes")).isNotNull();
        // Option values are compared as text: a radio of booleans or of "true"/"false" takes either form.
        assertThat(form("appealReview").check("appealUpheld", false)).isNull();
        assertThat(form("spotCheck").check("recordMatches", "false")).isNull();
    }

    @Test
    void nestedKeysDeclareTheirObjectVariable() {
        FormFields nested = FormFields.parse(("{\"id\":\"n\",\"components\":[{\"type\":\"group\",\"path\":\"address\","
                + "\"components\":[{\"type\":\"textfield\",\"key\":\"city\"}]},"
                + "{\"type\":\"textfield\",\"key\":\"contact.phone\"},"
                + "{\"type\":\"textfield\",\"key\":\"shown\",\"readonly\":true}]}").getBytes());
        assertThat(List.copyOf(nested.writableKeys())).containsExactly("address", "contact");
    }

    @Test
    void theRedirectPicksTheDepartmentFromTheDirectorysListAndAnythingElseIsRefused() throws IOException {
        FormFields triage = form("complaintTriage");
        List<String> directory = new ArrayList<>();
        try (InputStream in = FormFieldsTest.class.getResourceAsStream("/reference/departments.yml")) {
            Map<String, List<Map<String, Object>>> yaml = new org.yaml.snakeyaml.Yaml().load(in);
            yaml.get("departments").forEach(d -> directory.add((String) d.get("code")));
        }
        assertThat(triage.check(Var.REDIRECT_DEPARTMENT_CODE, "GD-AMR")).isNull();
        assertThat(triage.check(Var.REDIRECT_DEPARTMENT_CODE, "GD-XYZ")).isNotNull();
        for (String code : directory) {
            assertThat(triage.check(Var.REDIRECT_DEPARTMENT_CODE, code)).as(code).isNull();
        }
        assertThat(form("evaluationReview").check("correctionDepartmentCode", "GD-XYZ")).isNotNull();
    }

    @Test
    void formsSpeakChineseOnlyAndCallTheNumber受理编号() throws IOException {
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
        for (Resource resource : forms) {
            try (InputStream in = resource.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(resource.getFilename()).doesNotContain("Tracking number", "跟踪号", "查询号",
                        "投诉编号", " / Open", "\"label\": \"投诉概要");
                assertThat(text).as(resource.getFilename()).contains("认领");
            }
        }
    }
}
