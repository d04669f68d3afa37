package org.opensupervision.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * The standing grants collected from the modules ({@link EngineGrantContribution}). A grant to every department
 * becomes one grant per department handling group, for the departments of the directory at start-up.
 */
public final class EngineGrants {

    private final List<String> departmentGroups;
    private final List<EngineAuthorizations.Grant> grants = new ArrayList<>();

    EngineGrants(List<String> departmentGroups) {
        this.departmentGroups = List.copyOf(departmentGroups);
    }

    /**
     * Grants a staff group (one of {@link StaffGroups}) permissions on one resource.
     *
     * @param groupId the group
     * @param resource the kind of resource, e.g. {@code Resources.PROCESS_DEFINITION}
     * @param resourceId its id, e.g. a process key, or {@code *}
     * @param permissions what the group may do with it
     */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grants.add(new EngineAuthorizations.Grant(Objects.requireNonNull(groupId), resource, resourceId,
                permissions));
    }

    /** Grants every department's handling group the same permissions on one resource. */
    public void grantEveryDepartment(Resource resource, String resourceId, Permission... permissions) {
        for (String group : departmentGroups) {
            grant(group, resource, resourceId, permissions);
        }
    }

    List<EngineAuthorizations.Grant> grants() {
        return List.copyOf(grants);
    }
}
