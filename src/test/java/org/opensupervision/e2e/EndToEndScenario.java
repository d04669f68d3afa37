package org.opensupervision.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.opensupervision.reliability.ApplicationProcess;

/**
 * One complaint from the public form to the citizen's rating, in headless Chromium against the packaged application
 * on PostgreSQL, as the three kinds of people who use it: (1) a citizen files in Chinese, keeps the receipt, follows
 * it to the tracking page; (2) the department's handler finds the task in Tasklist by its tracking number, sees the
 * facts but not the complainant, gives the first feedback, which the citizen then sees and whose mail is in the
 * outbox; (3) the supervision office redirects the case to another department chosen from the list, then follows the
 * case from the Cockpit dashboard to the instance on its diagram; (4) after the new department's reply is approved
 * (done over /engine-rest as those users: not what this test is about), the citizen rates through the link in the
 * mail. Each step saves screenshots under {@code target/e2e/<run>/}. The subclasses say how staff log in.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndToEndScenario {

    static final String HANDLER = "handler-gd-amr";
    static final String NEW_HANDLER = "handler-gd-hrss";
    static final String SUPERVISOR = "supervisor";
    static final String DEPARTMENT_NAME = "省市场监督管理局";
    static final String NEW_DEPARTMENT_NAME = "省人力资源和社会保障厅";
    static final String NEW_DEPARTMENT_CODE = "GD-HRSS";

    /**
     * The handling reminder's lead time, which is also what 监察总览 calls "near a deadline": longer than the 15
     * working days a department has, so the redirected case is near its deadline at once and the overview lists it
     * (with its 流程实例 link), as it would two weeks later.
     */
    static final String NEAR_DEADLINE_WORKING_DAYS = "supervision.handling.reminder-working-days-before";

    static final String TITLE = "营业执照变更超期未办";
    static final String DESCRIPTION = "3月2日在网上办事大厅提交营业执照变更申请，承诺5个工作日办结，至今已过去两周仍未办结，"
            + "多次致电窗口均称“系统在走流程”，无人说明原因。";
    static final String CONTACT_NAME = "张晓明";
    static final String CONTACT_PHONE = "13800138000";
    static final String CONTACT_EMAIL = "zhang.xiaoming@example.com";
    static final String FIRST_FEEDBACK = "已收到您的投诉，我局已调取该办件记录，将于3个工作日内核实并答复。";

    protected ApplicationProcess app;
    protected Browser browser;
    protected CamundaWebapps webapps;
    protected EngineRest engine;

    /** Steps done so far: a step runs only after the ones before it passed (it needs their case). */
    private int stepsDone;
    private String trackingNumber;
    private String accessCode;
    private String processInstanceId;

    /** The run's name: screenshots go to target/e2e/<run>/. */
    abstract String run();

    /** Starts the application (and whatever identity it needs), with its public base URL set to its own address. */
    abstract ApplicationProcess startApplication();

    /** Logs the current browser in to the Camunda webapps as this user (password = id on the demo sets). */
    abstract void logIn(String user);

    /** The Authorization header of /engine-rest for this user. */
    abstract String authorization(String user);

    @BeforeAll
    void start() {
        app = startApplication();
        browser = Browser.start(run());
        webapps = new CamundaWebapps(browser, app.baseUrl());
        engine = new EngineRest(app.baseUrl(), this::authorization);
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                app.stop();
            }
        }
    }

    @Test
    @Order(1)
    void aCitizenFilesInChineseKeepsTheReceiptAndFollowsItToTracking() {
        assumeTrue(stepsDone == 0, "the steps before this one passed");
        browser.newPerson();
        browser.open(app.baseUrl() + "/complaints/new");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).startsWith("zh");
        new Select(browser.find(By.id("departmentCode"))).selectByValue("GD-AMR");
        new Select(browser.find(By.id("category"))).selectByValue("SLOW_ACTION");
        browser.type(By.id("title"), TITLE);
        browser.type(By.id("description"), DESCRIPTION);
        browser.type(By.id("contactName"), CONTACT_NAME);
        browser.type(By.id("contactPhone"), CONTACT_PHONE);
        browser.type(By.id("contactEmail"), CONTACT_EMAIL);
        browser.scrollToTop();
        browser.screenshot("public-form");
        browser.click(By.cssSelector("form[action$='/complaints'] button[type='submit']"));

        trackingNumber = browser.find(By.id("trackingNumber")).getText().trim();
        accessCode = browser.find(By.id("accessCode")).getText().trim();
        assertThat(trackingNumber).matches("TS\\d{8}-[A-Z0-9]{6}");
        assertThat(accessCode).isNotBlank();
        browser.screenshot("receipt");
        System.out.println("[e2e] " + run() + ": complaint " + trackingNumber);

        // The receipt's own link (查询进度) opens tracking with the number filled in.
        browser.click(By.id("trackLink"));
        assertThat(browser.find(By.name("trackingNumber")).getAttribute("value")).isEqualTo(trackingNumber);
        showTracking();
        browser.awaitText(DEPARTMENT_NAME);
        assertThat(browser.find(By.id("caseNow")).getText()).isNotBlank();
        assertThat(browser.text()).doesNotContain(CONTACT_PHONE);
        browser.screenshot("tracking");
        stepsDone = 1;
    }

    @Test
    @Order(2)
    void theHandlerFindsTheTaskSeesTheFactsNotTheComplainantAndGivesTheFirstFeedback() {
        assumeTrue(stepsDone == 1, "the steps before this one passed");
        browser.newPerson();
        logIn(HANDLER);
        webapps.assertDefaultFilter("本部门待办");
        webapps.openTask(trackingNumber, "本部门待办", TITLE, DEPARTMENT_NAME);
        String form = webapps.formContent();
        assertThat(form).contains(trackingNumber, TITLE);
        assertThat(form).as("no approval case named: the form says so itself, from no stored summary")
                .contains("未关联审批办件").doesNotContain("尚未报送");
        assertThat(form).doesNotContain(CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL);
        assertThat(browser.text()).doesNotContain(CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL);
        browser.screenshot("tasklist-task");

        webapps.claimIfOffered();
        webapps.fillTextArea("首次反馈", FIRST_FEEDBACK);
        processInstanceId = engine.processInstanceId(SUPERVISOR, trackingNumber);
        webapps.complete();
        EngineRest.await(() -> engine.isOpen(SUPERVISOR, processInstanceId, "Task_FirstFeedback") ? null : true,
                "the first feedback completed");
        assertThat(webapps.errorNotices()).isEmpty();
        browser.screenshot("first-feedback-given");

        // The citizen, later, at home: the header's 查询进度 of the public pages.
        browser.newPerson();
        browser.open(app.baseUrl() + "/complaints/new");
        browser.click(By.id("navTrack"));
        showTracking();
        browser.awaitText(FIRST_FEEDBACK);
        browser.screenshot("tracking-first-feedback");
        stepsDone = 2;
    }

    @Test
    @Order(3)
    void theSupervisorSeesTheMailRedirectsFromTheListAndFollowsTheCaseFromCockpitToItsDiagram() {
        assumeTrue(stepsDone == 2, "the steps before this one passed");
        browser.newPerson();
        logIn(SUPERVISOR);
        browser.open(app.baseUrl() + "/staff/mail");
        WebElement mail = outboxMail("首次反馈");
        assertThat(mail.getText()).contains(trackingNumber);
        browser.screenshot("outbox-first-feedback");

        webapps.openTask(trackingNumber, "本机构待办", TITLE, DEPARTMENT_NAME);
        webapps.claimIfOffered();
        webapps.chooseRadio("转办");
        webapps.chooseRedirectDepartment(NEW_DEPARTMENT_NAME);
        browser.screenshot("triage-redirect");
        webapps.complete();
        EngineRest.await(() -> engine.isOpen(SUPERVISOR, processInstanceId, "Task_Triage") ? null : true,
                "the triage completed");
        assertThat(webapps.errorNotices()).isEmpty();
        assertThat(engine.variable(SUPERVISOR, processInstanceId, "handlingDepartmentCode"))
                .isEqualTo(NEW_DEPARTMENT_CODE);

        // Cockpit: the 监察总览 entry leads to the overview page, whose 流程实例 link of this case (near its deadline,
        // see NEAR_DEADLINE_WORKING_DAYS) opens the instance on its diagram.
        browser.open(webapps.cockpitUrl() + "#/dashboard");
        webapps.followSupervisionOverviewTo(processInstanceId, NEW_DEPARTMENT_NAME);
        browser.await(d -> d.getCurrentUrl().contains("/process-instance/" + processInstanceId) ? true : null,
                "the instance page");
        browser.find(By.cssSelector(".djs-container svg [data-element-id='Task_Handling']"));
        browser.screenshot("cockpit-instance");
        stepsDone = 3;
    }

    @Test
    @Order(4)
    void theCitizenRatesThroughTheLinkInTheMail() {
        assumeTrue(stepsDone == 3, "the steps before this one passed");
        // The new department replies and the office approves: over /engine-rest as those people.
        engine.complete(NEW_HANDLER, engine.openTask(NEW_HANDLER, processInstanceId, "Task_Handling"),
                Map.of("handlingAction", "REPLY", "replyText",
                        "经核查，您的变更申请因系统接口故障积压，现已办结，营业执照已可领取。对给您带来的不便深表歉意。"));
        JsonNode review = engine.openTask(SUPERVISOR, processInstanceId, "Task_ReviewReply");
        engine.complete(SUPERVISOR, review, Map.of("reviewDecision", "APPROVE", "reviewComment", "答复完整，同意办结。"));

        // Nobody claimed the new department's task: completing it claimed it (ClaimOnCompletion).
        assertThat(engine.historicAssignee(SUPERVISOR, processInstanceId, "Task_Handling")).isEqualTo(NEW_HANDLER);

        // The supervision office's outbox holds the citizen's mail (no SMTP here): the link is read from it.
        browser.newPerson();
        logIn(SUPERVISOR);
        browser.open(app.baseUrl() + "/staff/mail");
        WebElement mail = outboxMail("满意度评价");
        mail.findElement(By.tagName("summary")).click();
        String body = mail.findElement(By.cssSelector("pre")).getText();
        browser.screenshot("outbox-rating-mail");
        Matcher link = Pattern.compile(Pattern.quote(app.baseUrl()) + "/rate/\\S+").matcher(body);
        assertThat(link.find()).as("a rating link in the mail: %s", body).isTrue();

        browser.newPerson();
        browser.open(link.group());
        browser.awaitText(trackingNumber);
        browser.click(By.cssSelector("input[name='level'][value='5']"));
        for (WebElement question : browser.all(By.cssSelector("input[type='radio'][name^='q.']"))) {
            String value = question.getAttribute("value");
            if ("5".equals(value) || "true".equals(value)) {
                browser.scrollTo(question);
                question.click();
            }
        }
        browser.type(By.name("comment"), "办理及时，态度很好。");
        browser.screenshot("rating");
        browser.click(By.cssSelector("main form button[type='submit']"));
        browser.awaitText("感谢");
        browser.screenshot("rated");

        browser.open(app.baseUrl() + "/track");
        showTracking();
        browser.awaitText("已评价");
        browser.screenshot("tracking-rated");
    }

    /** On /track: the form is filled with the receipt's number and code (unless the link already did), then shown. */
    private void showTracking() {
        if (browser.present(By.name("accessCode"))) {
            WebElement number = browser.find(By.name("trackingNumber"));
            if (number.getAttribute("value").isBlank()) {
                number.sendKeys(trackingNumber);
            }
            browser.type(By.name("accessCode"), accessCode);
            browser.click(By.cssSelector("main form button[type='submit']"));
        }
        browser.awaitText(trackingNumber);
    }

    /** The outbox row of this complaint whose subject holds {@code subjectWord}, waiting for the step's mail. */
    private WebElement outboxMail(String subjectWord) {
        return EngineRest.await(() -> {
            Optional<WebElement> row = browser.all(By.cssSelector("main table tbody tr")).stream()
                    .filter(r -> r.getText().contains(trackingNumber) && r.getText().contains(subjectWord))
                    .findFirst();
            if (row.isEmpty()) {
                browser.driver().navigate().refresh();
                return null;
            }
            return row.get();
        }, "the mail \"" + subjectWord + "\" of " + trackingNumber + " in the outbox");
    }
}
