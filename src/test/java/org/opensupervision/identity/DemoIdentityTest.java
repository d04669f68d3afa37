package org.opensupervision.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.access.StaffGroups;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo users and groups at a start on a database that already holds them: what is missing or renamed is put back,
 * the rest is left as it is. (A fresh database is every other test's: they log in as the demo users.)
 */
class DemoIdentityTest extends IntegrationTest {

    @Autowired
    private IdentityService identity;

    @Autowired
    private DemoIdentity demo;

    @Test
    void aStartPutsBackWhatIsMissingAndLeavesTheRest() {
        String systemUser = StaffGroups.SYSTEM_PREFIX + "gd-cad";
        identity.deleteMembership("inspector", DemoIdentity.DISCIPLINE_GROUP);
        identity.deleteMembership("demo", "supervision-office");
        Group evaluation = identity.createGroupQuery().groupId(DemoIdentity.EVALUATION_GROUP).singleResult();
        evaluation.setName("绩效评价 / Evaluation");
        identity.saveGroup(evaluation);
        identity.deleteUser(systemUser);
        long users = identity.createUserQuery().count();
        long groups = identity.createGroupQuery().count();

        demo.create();

        assertThat(groupsOf("inspector")).containsExactly(DemoIdentity.DISCIPLINE_GROUP);
        assertThat(groupsOf("demo")).contains("supervision-office");
        assertThat(identity.createGroupQuery().groupId(DemoIdentity.EVALUATION_GROUP).singleResult().getName())
                .isEqualTo("绩效评价");
        assertThat(identity.checkPassword(systemUser, systemUser)).isTrue();
        assertThat(groupsOf(systemUser)).containsExactly(StaffGroups.APPROVAL_SYSTEMS);
        assertThat(identity.createUserQuery().count()).isEqualTo(users + 1);
        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);

        demo.create();

        assertThat(identity.createUserQuery().count()).isEqualTo(users + 1);
        assertThat(groupsOf("supervision-head")).containsExactlyInAnyOrder(StaffGroups.SUPERVISION_HEAD,
                "supervision-office");
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
