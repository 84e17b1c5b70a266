package dev.kcscim.server.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.patch.PatchRequest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which operations of a Group PATCH become membership changes and which stay for the PATCH engine. */
class GroupMemberPatchTest {

    static PatchRequest request(String operations) {
        return PatchRequest.parse("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + operations.replace('\'', '"') + "]}");
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("{'op':'add','path':'members','value':[{'value':'u'}]}", "[]"),
                Arguments.of("{'op':'remove','path':'members[value eq \\'u\\']'}", "[]"),
                Arguments.of("{'op':'Remove','path':'members','value':[{'value':'u'}]}", "[]"),
                Arguments.of("{'op':'replace','path':'urn:ietf:params:scim:schemas:core:2.0:Group:members','value':[]}", "[]"),
                Arguments.of("{'op':'Replace','path':'displayName','value':'x'}",
                        "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]"),
                Arguments.of("{'op':'replace','value':{'id':'g','displayName':'x','members':[{'value':'u'}]}}",
                        "[{\"op\":\"replace\",\"value\":{\"id\":\"g\",\"displayName\":\"x\"}}]"),
                Arguments.of("{'op':'add','value':{'Members':[{'value':'u'}]}}", "[]"));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void leavesOnlyNonMemberOperationsForTheEngine(String operation, String expectedOthers) {
        GroupMemberPatch split = GroupMemberPatch.split(request(operation));

        assertThat(split.others().toJson().get("Operations").toString()).isEqualTo(expectedOthers);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsMemberSubAttributePathsAndFilteredReplace(String operation) {
        assertThatThrownBy(() -> GroupMemberPatch.split(request(operation)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType().wireValue()).isEqualTo("invalidPath"));
    }

    static Stream<String> invalid() {
        return Stream.of(
                "{'op':'replace','path':'members.display','value':'x'}",
                "{'op':'replace','path':'members[value eq \\'u\\']','value':{'value':'v'}}");
    }
}
