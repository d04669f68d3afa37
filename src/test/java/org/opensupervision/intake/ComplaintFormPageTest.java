package org.opensupervision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ComplaintFormPageTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private int complaintCount() {
        return jdbc.queryForObject("select count(*) from complaint", Integer.class);
    }

    private static MockHttpServletRequestBuilder filledForm(String token) {
        return post("/complaints").with(csrf())
                .param("submissionToken", token)
                .param("departmentCode", "GD-EDU")
                .param("category", "ATTITUDE")
                .param("title", "窗口人员态度恶劣")
                .param("description", "办理教师资格认定时，窗口工作人员拒绝解释材料要求。")
                .param("contact.name", "陈六")
                .param("contact.email", "chen@example.com");
    }

    @Test
    void theComplaintPageRendersInSimplifiedChineseWithTheDepartmentsAndCategories() throws Exception {
        mvc.perform(get("/complaints/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("效能投诉举报"),
                        org.hamcrest.Matchers.containsString("省市场监督管理局"),
                        org.hamcrest.Matchers.containsString("吃拿卡要"),
                        org.hamcrest.Matchers.containsString("name=\"_csrf\""),
                        org.hamcrest.Matchers.containsString("lang=\"zh-CN\""))));
    }

    @Test
    void theComplaintPageSwitchesToEnglish() throws Exception {
        mvc.perform(get("/complaints/new").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Efficiency complaint"),
                        org.hamcrest.Matchers.containsString("Administration for Market Regulation"),
                        org.hamcrest.Matchers.containsString("Submit the complaint"))));
    }

    @Test
    void submittingTheFormShowsTheTrackingNumberAndAccessCode() throws Exception {
        int before = complaintCount();
        String page = mvc.perform(filledForm("4f7e1d8a-form-test-1"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("投诉已受理").containsPattern("id=\"trackingNumber\">TS\\d{8}-[2-9A-Z]{6}<")
                .containsPattern("id=\"accessCode\">[2-9A-Z]{10}<")
                .containsPattern("<a id=\"trackLink\"[^>]*href=\"/track\\?trackingNumber=TS\\d{8}-[2-9A-Z]{6}\"[^>]*>查询办理进度</a>");
        assertThat(complaintCount()).isEqualTo(before + 1);
    }

    @Test
    void aDoubleSubmitOfTheSameFormFilesOneComplaint() throws Exception {
        int before = complaintCount();
        String first = mvc.perform(filledForm("4f7e1d8a-form-test-2")).andReturn().getResponse()
                .getContentAsString();
        String second = mvc.perform(filledForm("4f7e1d8a-form-test-2")).andReturn().getResponse()
                .getContentAsString();

        assertThat(second).isEqualTo(first);
        assertThat(complaintCount()).isEqualTo(before + 1);
    }

    @Test
    void anInvalidFormComesBackWithAMessageAtEachBadFieldAndStoresNothing() throws Exception {
        int before = complaintCount();
        String page = mvc.perform(post("/complaints").with(csrf()).param("submissionToken", "t-3")
                        .param("departmentCode", "").param("category", "ATTITUDE").param("title", "")
                        .param("description", "内容").param("contact.name", "陈六").param("contact.phone", "123"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请选择被投诉部门。", "请填写标题。", "电话号码格式不正确")
                .contains("value=\"陈六\"");
        // Each message once, at its field, which points to it; the summary links to the fields.
        assertThat(page.split("请填写标题。", -1)).hasSize(2);
        assertThat(page).containsPattern("<input id=\"title\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"title-error\"")
                .contains("id=\"title-error\"", "href=\"#title\"", "href=\"#contactPhone\"")
                .containsPattern("<input id=\"contactName\"(?![^>]*aria-invalid)[^>]*>");
        assertThat(page.split("<fieldset", -1).length).isEqualTo(page.split("<legend", -1).length);
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void theFormIsRefusedWithoutItsCsrfToken() throws Exception {
        int before = complaintCount();
        mvc.perform(post("/complaints").param("departmentCode", "GD-EDU"))
                .andExpect(status().isForbidden());
        assertThat(complaintCount()).isEqualTo(before);
    }
}
