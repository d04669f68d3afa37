package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupSchedulerCmd;
import org.junit.jupiter.api.Test;

/**
 * Every command of the engine that carries variables (a map of them) is accounted for by {@link EngineWriteGuard}:
 * refused to non-administrators, checked against the task's form, or known to write no variable. A new engine
 * version that adds such a command fails here until it is classified.
 */
class EngineWriteGuardCoverageTest {

    /** Commands whose maps are not variables of a process: a decision's inputs, a user's account details, etc. */
    private static final List<Class<?>> WRITE_NO_VARIABLE = List.of(EvaluateDecisionCmd.class,
            EvaluateDecisionTableCmd.class, SetUserInfoCmd.class, FetchExternalTasksCmd.class,
            HistoryCleanupSchedulerCmd.class);

    private static final List<Class<?>> FORM_CHECKED = List.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

    @Test
    void everyEngineCommandThatCarriesVariablesIsClassified() throws Exception {
        List<String> unclassified = new ArrayList<>();
        int carriers = 0;
        String jar = Command.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        try (JarFile engine = new JarFile(jar)) {
            for (JarEntry entry : Collections.list(engine.entries())) {
                String name = entry.getName();
                if (!name.startsWith("org/camunda/bpm/engine/impl/") || !name.endsWith(".class") || name.contains("$")
                        || name.endsWith("QueryImpl.class") || name.endsWith("ReportImpl.class")
                        || name.contains("/Native") || name.startsWith("org/camunda/bpm/engine/impl/ant/")) {
                    // queries carry maps of expressions; the Ant tasks need Ant
                    continue;
                }
                Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                        getClass().getClassLoader());
                if (!Command.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())
                        || !carriesAMap(type)) {
                    continue;
                }
                carriers++;
                if (!isAny(type, EngineWriteGuard.ADMINISTRATORS_ONLY) && !isAny(type, FORM_CHECKED)
                        && !WRITE_NO_VARIABLE.contains(type)) {
                    unclassified.add(type.getName());
                }
            }
        }
        assertThat(carriers).as("commands found in the engine jar").isGreaterThan(30);
        assertThat(unclassified).isEmpty();
    }

    private static boolean carriesAMap(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Field field : t.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && Map.class.isAssignableFrom(field.getType())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAny(Class<?> type, List<Class<?>> classes) {
        return classes.stream().anyMatch(c -> c.isAssignableFrom(type));
    }
}
