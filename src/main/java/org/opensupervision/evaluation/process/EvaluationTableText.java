package org.opensupervision.evaluation.process;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.DepartmentResult;
import org.opensupervision.evaluation.EvaluationResult;
import org.springframework.stereotype.Component;

/** The table the review form shows (a read-only text field): rank, department, score, grade, change. */
@Component
class EvaluationTableText {

    private final DepartmentDirectory departments;

    EvaluationTableText(DepartmentDirectory departments) {
        this.departments = departments;
    }

    String of(EvaluationResult result) {
        StringBuilder text = new StringBuilder();
        text.append("期间 Period ").append(result.period()).append(" · 版本 Version ").append(result.version())
                .append(" · 评分规则 Rules v").append(result.ruleVersion()).append('\n');
        text.append("排名 Rank | 部门 Department | 得分 Score | 等级 Grade | 变化 Change\n");
        for (DepartmentResult d : result.departments()) {
            text.append(d.rank() == null ? "-" : d.rank()).append(" | ")
                    .append(departments.find(d.departmentCode()).map(x -> x.nameZh()).orElse(d.departmentCode()))
                    .append(" (").append(d.departmentCode()).append(") | ")
                    .append(d.score() == null ? "未评分 not scored" : d.score().toPlainString()).append(" | ")
                    .append(d.grade() == null ? "-" : d.grade().label(false)).append(" | ")
                    .append(d.change() == null ? "-"
                            : (d.change().signum() > 0 ? "+" : "") + d.change().toPlainString())
                    .append('\n');
        }
        if (!result.corrections().isEmpty()) {
            text.append("更正 Corrections: ").append(result.corrections().size()).append('\n');
        }
        return text.toString();
    }
}
