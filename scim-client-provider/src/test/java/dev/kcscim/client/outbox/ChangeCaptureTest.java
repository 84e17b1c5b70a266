package dev.kcscim.client.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeCaptureTest {

    @Test
    void groupIdFromPath() {
        assertThat(ChangeCapture.groupId("groups/g1".split("/"), null)).isEqualTo("g1");
    }

    /** A child group create names the parent in the path: the representation has the new group's id. */
    @Test
    void groupIdOfChildCreateComesFromTheRepresentation() {
        assertThat(ChangeCapture.groupId("groups/parent/children".split("/"), "{\"id\":\"child\",\"name\":\"c\"}"))
                .isEqualTo("child");
    }

    @Test
    void moveToTopLevelHasNoIdInThePath() {
        assertThat(ChangeCapture.groupId(new String[] {"groups"}, "{\"id\":\"g2\"}")).isEqualTo("g2");
        assertThat(ChangeCapture.groupId(new String[] {"groups"}, null)).isNull();
        assertThat(ChangeCapture.groupId("groups/g3".split("/"), "not json")).isEqualTo("g3");
    }
}
