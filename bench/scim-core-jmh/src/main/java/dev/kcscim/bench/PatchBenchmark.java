package dev.kcscim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.diff.ResourceDiff;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.patch.PatchEngine;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.schema.CoreSchemas;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the PATCH engine (RFC 7644 §3.5.2) and of the diff that the outbound client sends: parsing a
 * wire body, applying the typical Okta and Entra ID requests to a User, a membership change on a Group of
 * {@code members} members, and diffing two versions of each. No assertions: numbers only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PatchBenchmark {

    private static final String E = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Param({"10", "1000"})
    public int members;

    private ObjectNode user;
    private ObjectNode editedUser;
    private ObjectNode group;
    private ObjectNode editedGroup;
    private String entraBody;
    private PatchRequest entraRequest;
    private PatchRequest oktaDeactivate;
    private PatchRequest membershipChange;

    @Setup
    public void setUp() throws JsonProcessingException {
        user = (ObjectNode) ScimJson.mapper().readTree("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"id\":\"2819c223\",\"userName\":\"bjensen@example.com\",\"active\":true,"
                + "\"name\":{\"givenName\":\"Barbara\",\"familyName\":\"Jensen\"},\"displayName\":\"Babs\","
                + "\"emails\":[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true},"
                + "{\"value\":\"babs@jensen.org\",\"type\":\"home\"}],"
                + "\"phoneNumbers\":[{\"value\":\"555-555-8377\",\"type\":\"work\"}]}");
        editedUser = user.deepCopy();
        editedUser.put("displayName", "Barbara J");
        ((ObjectNode) editedUser.get("name")).put("familyName", "Doe");
        ((ArrayNode) editedUser.get("emails")).remove(1);
        editedUser.putObject(E).put("employeeNumber", "42");

        entraBody = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"b@example.com\"},"
                + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
                + "{\"op\":\"replace\",\"value\":{\"displayName\":\"B\",\"name.givenName\":\"Bar\","
                + "\"" + E + ":employeeNumber\":\"7\"}},"
                + "{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"value\":\"M\"}]}]}";
        entraRequest = PatchRequest.parse(entraBody);
        oktaDeactivate = PatchRequest.of(PatchOperation.replace(Map.of("active", false)));

        group = ScimJson.mapper().createObjectNode().put("id", "g").put("displayName", "Tour Guides");
        group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
        ArrayNode list = group.putArray("members");
        for (int i = 0; i < members; i++) {
            list.addObject().put("value", "U" + i).put("type", "User");
        }
        membershipChange = PatchRequest.of(PatchOperation.remove("members[value eq \"U" + (members / 2) + "\"]"),
                PatchOperation.add("members", List.of(Map.of("value", "new-member"))));
        editedGroup = PatchEngine.apply(group, membershipChange, CoreSchemas.GROUP_RESOURCE);
    }

    @Benchmark
    public PatchRequest parseEntraBody() {
        return PatchRequest.parse(entraBody);
    }

    @Benchmark
    public ObjectNode applyEntraUserUpdate() {
        return PatchEngine.apply(user, entraRequest, CoreSchemas.USER_RESOURCE);
    }

    @Benchmark
    public ObjectNode applyOktaDeactivate() {
        return PatchEngine.apply(user, oktaDeactivate, CoreSchemas.USER_RESOURCE);
    }

    @Benchmark
    public ObjectNode applyMembershipChange() {
        return PatchEngine.apply(group, membershipChange, CoreSchemas.GROUP_RESOURCE);
    }

    @Benchmark
    public PatchRequest diffUser() {
        return ResourceDiff.diff(user, editedUser, CoreSchemas.USER_RESOURCE);
    }

    @Benchmark
    public PatchRequest diffGroupMembership() {
        return ResourceDiff.diff(group, editedGroup, CoreSchemas.GROUP_RESOURCE);
    }
}
