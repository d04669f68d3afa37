package org.opensupervision.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.intake.ComplaintIntake;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.intake.IntakeReceipt;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo complaints of the embedded default (profile {@code dev}, {@code supervision.demo-data.enabled}), so that a
 * new user sees a working office in the first minute: complaints in every state, each made the way the real ones are,
 * through the intake and then the engine, each step as the person whose task it is (the same form checks and
 * authorizations as in Tasklist), the rating through the complainant's own channel. The engine clock is never moved
 * and no timer is run by hand: the overdue case is one received 30 hours ago ({@link ComplaintIntake#submitReceivedAt}),
 * whose first-feedback breach the engine's own timer records once the case is routed.
 * <p>
 * Created once: every case has an idempotency key, so a restart finds the complaints it filed and only finishes the
 * steps still open (a step already done is recognised in the history). Runs in a thread of its own after the start,
 * as the steps wait for the engine's jobs (routing, the rating's start).
 */
@Component
@Profile("dev")
@ConditionalOnProperty(name = "supervision.demo-data.enabled", havingValue = "true")
class DemoComplaints {

    private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);
    static final String SUPERVISOR = "supervisor";
    private static final String DEPARTMENT_HANDLER = "handler of the task's department";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    /** The states a demo case is taken to. */
    enum Stage {
        /** Filed now: routed, waiting for triage and the first feedback. */
        NEW,
        /** Received 30 hours ago and not answered: the first feedback is overdue (breach recorded by the engine). */
        OVERDUE,
        /** Triaged and first feedback given: the department is handling it. */
        IN_HANDLING,
        /** Replied, approved, closed and rated 满意 by the complainant. */
        CLOSED_AND_RATED,
        /** Closed, rated 非常不满意, called back by the office: the department rectifies. */
        BAD_RATING_IN_RECTIFICATION
    }

    record DemoCase(String key, Stage stage, String departmentCode, String category, String title,
                    String description, String contactName, String email) {
    }

    static final List<DemoCase> CASES = List.of(
            new DemoCase("demo-complaint-1", Stage.NEW, "GD-EDU", "SLOW_ACTION", "教师资格认定材料提交后一个月无进展",
                    "5月在网上提交高校教师资格认定申请，页面一直显示“审核中”，承诺时限已过，咨询电话无人接听。",
                    "李娜", "li.na@example.com"),
            new DemoCase("demo-complaint-2", Stage.NEW, "GD-AMR", "ATTITUDE", "窗口工作人员态度生硬",
                    "在办事大厅办理个体工商户登记时，窗口工作人员不解释缺少哪些材料，只让回去自己查。",
                    "王强", "wang.qiang@example.com"),
            new DemoCase("demo-complaint-3", Stage.OVERDUE, "GD-HUD", "INACTION", "建筑企业资质延续申请无人受理",
                    "资质证书即将到期，延续申请提交十余天仍未受理，系统内查询不到经办人。",
                    "陈刚", "chen.gang@example.com"),
            new DemoCase("demo-complaint-4", Stage.IN_HANDLING, "GD-PSD", "SLOW_ACTION", "户籍迁移审批超过承诺时限",
                    "子女投靠户籍迁入申请提交已20个工作日，承诺时限为10个工作日，至今未办结。",
                    "刘芳", "liu.fang@example.com"),
            new DemoCase("demo-complaint-5", Stage.CLOSED_AND_RATED, "GD-HRSS", "SYSTEM_FAULT",
                    "社保转移接续网上办理反复报错", "办理养老保险关系转移时，提交后多次提示“系统异常”，无法完成申请。",
                    "赵敏", "zhao.min@example.com"),
            new DemoCase("demo-complaint-6", Stage.BAD_RATING_IN_RECTIFICATION, "GD-AMR", "SLOW_ACTION",
                    "食品经营许可证变更逾期未办", "食品经营许可证地址变更，承诺5个工作日，两周后仍未办结，也没有告知原因。",
                    "孙丽", "sun.li@example.com"));

    private final ComplaintIntake intake;
    private final TaskService tasks;
    private final FormService forms;
    private final HistoryService history;
    private final IdentityService identity;
    private final CitizenRatings ratings;
    private final Clock clock;

    DemoComplaints(ComplaintIntake intake, TaskService tasks, FormService forms, HistoryService history,
                   IdentityService identity, CitizenRatings ratings, Clock clock) {
        this.intake = intake;
        this.tasks = tasks;
        this.forms = forms;
        this.history = history;
        this.identity = identity;
        this.ratings = ratings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createInBackground() {
        Thread thread = new Thread(this::create, "demo-complaints");
        thread.setDaemon(true);
        thread.start();
    }

    /** Files the demo cases (once) and takes each to its stage; returns when all are there. */
    void create() {
        try {
            await(() -> identity.createUserQuery().userId(SUPERVISOR).count() > 0 ? true : null, "the demo users");
            for (DemoCase demo : CASES) {
                bring(demo);
            }
            log.info("Demo complaints ready: {} cases (new, overdue, in handling, closed and rated, bad rating in "
                    + "rectification)", CASES.size());
        } catch (RuntimeException ex) {
            log.warn("Demo complaints not complete: {}", ex.toString());
        }
    }

    private void bring(DemoCase demo) {
        IntakeReceipt receipt = demo.stage() == Stage.OVERDUE
                ? intake.submitReceivedAt(submission(demo), demo.key(), clock.instant().minus(Duration.ofHours(30)))
                : intake.submit(submission(demo), demo.key());
        String trackingNumber = receipt.trackingNumber();
        if (receipt.created()) {
            log.info("Demo complaint {} filed ({})", trackingNumber, demo.stage());
        }
        // The department's demo handler ("handler-gd-amr" for group "dept-gd-amr"), of the department the case was
        // routed to: a system fault goes to the data bureau, whoever was complained about.
        String handler = DEPARTMENT_HANDLER;
        switch (demo.stage()) {
            case NEW, OVERDUE -> {
                // Left as filed: routing and, for the overdue one, the breach are the engine's own jobs.
            }
            case IN_HANDLING -> {
                triage(trackingNumber);
                firstFeedback(trackingNumber, handler);
            }
            case CLOSED_AND_RATED, BAD_RATING_IN_RECTIFICATION -> {
                triage(trackingNumber);
                firstFeedback(trackingNumber, handler);
                step(trackingNumber, "Task_Handling", handler, Map.of("handlingAction", "REPLY", "replyText",
                        "经核查，该申请因系统接口故障积压，现已办结，证照可在网上办事大厅下载。对给您带来的不便深表歉意。"));
                step(trackingNumber, "Task_ReviewReply", SUPERVISOR,
                        Map.of("reviewDecision", "APPROVE", "reviewComment", "答复完整，同意办结。"));
                boolean bad = demo.stage() == Stage.BAD_RATING_IN_RECTIFICATION;
                rate(trackingNumber, bad);
                if (bad) {
                    step(trackingNumber, "Task_Callback", SUPERVISOR, Map.of("callbackNote",
                            "已电话回访，投诉人认为办理时间过长且未主动告知进度，要求部门说明原因并改进。"));
                }
            }
        }
    }

    private void triage(String trackingNumber) {
        step(trackingNumber, "Task_Triage", SUPERVISOR, Map.of("triageDecision", "ACCEPT"));
    }

    private void firstFeedback(String trackingNumber, String handler) {
        step(trackingNumber, "Task_FirstFeedback", handler,
                Map.of("firstFeedbackText", "已收到您的投诉，我们正在调取办件记录核实情况，将在规定时限内答复。"));
    }

    /** The complainant rates on the tracking page (the demo knows the access code from the receipt). */
    private void rate(String trackingNumber, boolean bad) {
        if (ratings.ratingsOf(trackingNumber).stream().anyMatch(r -> r.getRatedAt() != null)) {
            return;
        }
        await(() -> ratings.openRound(trackingNumber).orElse(null), "the rating of " + trackingNumber);
        ratings.submitAsComplainant(trackingNumber, bad
                ? new RatingSubmission(1, "等了太久，也没人告知进度。", Map.of("efficiency", 1, "attitude", 2,
                "problemSolved", false))
                : new RatingSubmission(5, "处理及时，答复清楚。", Map.of("efficiency", 5, "attitude", 5,
                "problemSolved", true)));
    }

    /**
     * Completes the step as {@code user} does in Tasklist (claim, then the form's fields, checked by the engine),
     * unless the history says it was done before; waits for the engine to reach it.
     */
    private void step(String trackingNumber, String taskKey, String user, Map<String, Object> fields) {
        boolean done = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(trackingNumber)
                .taskDefinitionKey(taskKey).finished().count() > 0;
        if (done) {
            return;
        }
        Task task = await(() -> tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber)
                .taskDefinitionKey(taskKey).singleResult(), taskKey + " of " + trackingNumber);
        if (DEPARTMENT_HANDLER.equals(user)) {
            user = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                            && link.getGroupId().startsWith("dept-"))
                    .map(link -> "handler-" + link.getGroupId().substring("dept-".length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No department for " + taskKey));
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            forms.submitTaskForm(task.getId(), fields);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static ComplaintSubmission submission(DemoCase demo) {
        ComplaintSubmission s = new ComplaintSubmission();
        s.setDepartmentCode(demo.departmentCode());
        s.setCategory(demo.category());
        s.setTitle(demo.title());
        s.setDescription(demo.description());
        s.getContact().setName(demo.contactName());
        s.getContact().setEmail(demo.email());
        return s;
    }

    private static <T> T await(Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, ex);
            }
        }
        throw new IllegalStateException("Waited " + STEP_TIMEOUT + " for " + what);
    }
}
