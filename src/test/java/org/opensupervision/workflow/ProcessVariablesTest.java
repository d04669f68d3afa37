package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.junit.jupiter.api.Test;

/** The one trimming rule and the typed reads, on the engine's in-memory execution (no database, no Spring). */
class ProcessVariablesTest {

    private enum Choice { YES, NO }

    private static ExecutionImpl scope() {
        return new ExecutionImpl();
    }

    @Test
    void textIsStrippedAndBlankTextIsAbsent() {
        ExecutionImpl scope = scope();
        scope.setVariable("padded", "  GD-PSD \n");
        scope.setVariable("blank", " \t ");
        scope.setVariable("empty", "");
        assertThat(ProcessVariables.text(scope, "padded")).isEqualTo("GD-PSD");
        assertThat(ProcessVariables.text(scope, "blank")).isNull();
        assertThat(ProcessVariables.text(scope, "empty")).isNull();
        assertThat(ProcessVariables.text(scope, "missing")).isNull();
        assertThat(scope.getVariable("padded")).as("the variable itself is left alone").isEqualTo("  GD-PSD \n");
    }

    @Test
    void aRequiredTextThatIsBlankIsTheUsersErrorOrTheModelsDependingOnTheCaller() {
        ExecutionImpl scope = scope();
        scope.setVariable("reason", "  ");
        assertThatThrownBy(() -> ProcessVariables.requiredText(scope, "reason", "请说明理由 / Give a reason"))
                .isInstanceOf(BadUserRequestException.class).hasMessage("请说明理由 / Give a reason");
        assertThatThrownBy(() -> ProcessVariables.requiredText(scope, "reason"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'reason' is missing");
    }

    @Test
    void decisionsAreReadAsTheirEnumAndAnUnknownValueIsRefused() {
        ExecutionImpl scope = scope();
        scope.setVariable("choice", " YES ");
        assertThat(ProcessVariables.decision(scope, "choice", Choice.class, "Choose")).isEqualTo(Choice.YES);
        scope.setVariable("choice", "MAYBE");
        assertThatThrownBy(() -> ProcessVariables.decision(scope, "choice", Choice.class, "Choose YES or NO"))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Choose YES or NO: MAYBE");
        scope.setVariable("choice", "");
        assertThat(ProcessVariables.decision(scope, "choice", Choice.class, "Choose")).isNull();
    }

    @Test
    void numbersDatesAndFlagsAreTyped() {
        ExecutionImpl scope = scope();
        scope.setVariable("days", " 5 ");
        scope.setVariable("notANumber", "five");
        scope.setVariable("round", 2);
        scope.setVariable("at", new Date(0));
        scope.setVariable("yes", "true");
        assertThat(ProcessVariables.integer(scope, "days")).isEqualTo(5);
        assertThat(ProcessVariables.integer(scope, "notANumber")).isNull();
        assertThat(ProcessVariables.requiredInt(scope, "round")).isEqualTo(2);
        assertThat(ProcessVariables.requiredLong(scope, "round")).isEqualTo(2L);
        assertThat(ProcessVariables.instant(scope, "at")).isEqualTo(new Date(0).toInstant());
        assertThat(ProcessVariables.flag(scope, "yes")).isTrue();
        assertThat(ProcessVariables.flag(scope, "missing")).isFalse();
        assertThatThrownBy(() -> ProcessVariables.requiredLong(scope, "days"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a number");
    }
}
