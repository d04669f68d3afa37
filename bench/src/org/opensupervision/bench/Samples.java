package org.opensupervision.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Realistic complaint content, shared by the load generator and the data generator. */
final class Samples {

    static final List<String> DEPARTMENTS = List.of("GD-DRC", "GD-EDU", "GD-PSD", "GD-CAD", "GD-HRSS", "GD-NR",
            "GD-EE", "GD-HUD", "GD-TD", "GD-HC", "GD-AMR", "GD-SDMA");
    static final List<String> CATEGORIES = List.of("INACTION", "SLOW_ACTION", "ARBITRARY_ACTION", "INTEGRITY",
            "ATTITUDE", "SYSTEM_FAULT", "OTHER");
    private static final List<String> SUBJECTS = List.of("营业执照变更", "建设工程规划许可", "食品经营许可", "医师执业注册",
            "道路运输经营许可", "社会保险关系转移", "不动产登记", "排污许可", "教师资格认定", "药品经营许可");
    private static final List<String> PROBLEMS = List.of("超期未办", "要求重复提交材料", "网上系统无法提交", "窗口人员态度生硬",
            "收取不合理费用", "受理后无人处理", "补正通知不清楚");

    private Samples() {
    }

    static String department(Random random) {
        return DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
    }

    static String category(Random random) {
        return CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    }

    static String title(Random random) {
        return SUBJECTS.get(random.nextInt(SUBJECTS.size())) + PROBLEMS.get(random.nextInt(PROBLEMS.size()));
    }

    /** About 120-250 characters of Chinese, as complaints on the public form typically are. */
    static String description(Random random) {
        LocalDate day = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300));
        StringBuilder text = new StringBuilder();
        text.append(day.getMonthValue()).append("月").append(day.getDayOfMonth()).append("日在网上办事大厅提交")
                .append(SUBJECTS.get(random.nextInt(SUBJECTS.size()))).append("申请，承诺")
                .append(3 + random.nextInt(18)).append("个工作日办结。");
        int sentences = 2 + random.nextInt(4);
        for (int i = 0; i < sentences; i++) {
            text.append("此后").append(PROBLEMS.get(random.nextInt(PROBLEMS.size())))
                    .append("，多次电话咨询均称正在审核，未告知具体原因和办理进度，影响企业正常经营。");
        }
        return text.toString();
    }

    static String caseNumber(Random random) {
        return "4400002026" + String.format("%08d", random.nextInt(100_000_000));
    }

    static String phone(Random random) {
        return "13" + (random.nextInt(10)) + String.format("%08d", random.nextInt(100_000_000));
    }

    /** JSON string literal (the content above has no characters beyond quote and backslash to escape). */
    static String json(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
