package org.opensupervision.discipline.process;

import org.opensupervision.discipline.DisciplineProperties;
import org.springframework.stereotype.Component;

/**
 * Mail addresses the disciplinary model names in expressions ({@code ${disciplineAddresses.head}}): the reminder of
 * the inspectors' decision goes to the head of discipline inspection, who answers for their deadlines.
 */
@Component("disciplineAddresses")
public class DisciplineAddresses {

    private final DisciplineProperties properties;

    DisciplineAddresses(DisciplineProperties properties) {
        this.properties = properties;
    }

    public String getHead() {
        return properties.headAddress();
    }
}
