package org.opensupervision.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A NUL or another control character in any text from outside is a 400 naming the field, never a 500 (PostgreSQL
 * refuses NUL in text) and never stored; tabs and line breaks stay allowed in multi-line text. The suite runs on H2 and
 * on PostgreSQL, so this holds on both.
 */
class ControlCharacterTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> complaint(String field, String value) {
        Map<String, Object> contact = new HashMap<>(Map.of("name", "李四", "phone", "13912345678",
                "email", "lisi@example.com"));
        Map<String, Object> body = new HashMap<>(Map.of("departmentCode", "GD-AMR", "category", "SLOW_ACTION",
                "title", "食品经营许可证超期未发", "description", "4月1日网上申请，至今未发证。", "anonymous", false,
                "contact", contact));
        if (field.startsWith("contact.")) {
            contact.put(field.substring("contact.".length()), value);
        } else {
            body.put(field, value);
        }
        return body;
    }

    private ResultActions submit(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                .content(json.writeValueAsString(body)));
    }

    private int complaints() {
        return jdbc.queryForObject("select count(*) from complaint", Integer.class);
    }

    @Test
    void aControlCharacterInAnyFieldOfTheComplaintIsA400NamingTheFieldAndNothingIsStored() throws Exception {
        int before = complaints();
        for (String field : new String[] {"title", "description", "contact.name", "contact.email", "departmentCode",
                "approvalCaseNumber", "incidentDate", "contact.phone"}) {
            for (String bad : new String[] {"a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b"}) {
                submit(complaint(field, bad))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:validation-failed"))
                        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
            }
        }
        submit(complaint("title", "a\u0000b")).andExpect(jsonPath("$.errors[0].code").value("field.controlCharacters"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("Control characters")));
        assertThat(complaints()).isEqualTo(before);
    }

    @Test
    void tabsAndLineBreaksAreTextInTheDescriptionButNotInOneLineFields() throws Exception {
        submit(complaint("description", "第一段\n第二段\r\n\t表格")).andExpect(status().isCreated());
        submit(complaint("title", "标题\n第二行")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        submit(complaint("contact.name", "李\t四")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact.name"));
    }

    @Test
    void aControlCharacterInAStaffQueryParameterIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/complaints").param("q", "a\u0000b").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].code").value("field.controlCharacters"));
        mvc.perform(get("/api/complaints").param("department", "GD\u0000AMR")
                        .with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("department"));
        mvc.perform(get("/staff/complaints").param("q", "a\u0000b").accept(MediaType.TEXT_HTML)
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/complaints").param("q", "营业执照").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk());
    }

    @Test
    void aControlCharacterInAPublicFormIsA400() throws Exception {
        mvc.perform(post("/track").param("trackingNumber", "TS20260101-AAAAAA\u0000").param("accessCode", "X")
                .with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest());
        mvc.perform(post("/complaints").param("title", "a\u0000b").param("submissionToken", "t\u0000")
                .with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest());
    }
}
