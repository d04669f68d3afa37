package org.opensupervision;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestExecutionListeners;

/**
 * The annotated test class must, all its tests together, run every flow node and take every sequence flow of the
 * named BPMN model; checked by {@link FullProcessCoverage} from the process test coverage report.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestExecutionListeners(listeners = FullProcessCoverage.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CoversEveryPathOf {

    /** The process definition key. */
    String value();
}
