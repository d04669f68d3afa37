package org.opensupervision.access;

/** Ids of the staff groups; the same in Camunda's own identity (embedded default) and in Keycloak. */
public final class StaffGroups {

    public static final String SUPERVISION_OFFICE = "supervision-office";
    public static final String DISCIPLINE_INSPECTION = "discipline-inspection";
    /** The head of discipline inspection: overdue disciplinary steps escalate to this group. */
    public static final String DISCIPLINE_HEAD = "discipline-head";
    public static final String EVALUATION_OFFICE = "evaluation-office";
    /** The head of the supervision office: the office's own overdue steps escalate to this group. */
    public static final String SUPERVISION_HEAD = "supervision-head";
    /** Camunda's administrators group: all permissions on everything. */
    public static final String ADMINISTRATORS = "camunda-admin";
    /** Department handling groups are {@code dept-<department code in lower case>}. */
    public static final String DEPARTMENT_PREFIX = "dept-";
    /**
     * The departments' systems (machine clients, {@code system-<department code in lower case>}): they send approval
     * events of their own department and read the catalogue, nothing else.
     */
    public static final String APPROVAL_SYSTEMS = "approval-systems";
    /** Machine clients are named {@code system-<department code in lower case>}. */
    public static final String SYSTEM_PREFIX = "system-";
    /** Spring Security authority of a group membership. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private StaffGroups() {
    }

    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }
}
