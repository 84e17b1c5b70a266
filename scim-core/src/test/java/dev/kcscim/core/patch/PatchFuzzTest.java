package dev.kcscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.diff.ResourceDiff;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 120,000 seeded random and mutated PATCH requests (bodies as trees and as text, paths, op names, values)
 * against random Users and Groups, one in sixteen with an attribute of odd shape. Each must end in a result or a {@link ScimException} with status 400
 * (or 409), never another exception, and the whole run must finish well within the time bound.
 */
class PatchFuzzTest {

    private static final int CASES = 120_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String E = ScimConstants.SCHEMA_ENTERPRISE_USER;
    private static final String[] PATHS = {
        "userName", "name", "name.givenName", "NAME.FAMILYNAME", "displayName", "nickName", "active", "title",
        "emails", "emails.value", "emails[type eq \"work\"]", "emails[type eq \"work\"].value",
        "emails[value co \"@\" and not (primary eq true)].primary", "emails[type eq \"home\" or type pr].display",
        "phoneNumbers[value sw \"a\"].type", "addresses[type eq \"work\"].streetAddress", "roles", "roles.value",
        "members", "members[value eq \"U1\"]", "members[value eq \"U1\"].value", "members[type ne \"User\"]",
        "externalId", "id", "meta", "meta.version", "groups", "password", "x509Certificates.value",
        E + ":employeeNumber", E + ":manager", E + ":manager.value", "manager", "department",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName", "urn:x:y:shoeSize", "emails[", "a.b.c", "",
        "emails[type eq \"work\"]]", "emails[value gt 5].value", "members[value eq null]"};
    private static final String[] OPS = {"add", "remove", "replace", "Add", "REMOVE", "Replace", "move", "", "test"};
    private static final String ALPHABET = "aZ.[]\" :()_$-9\\eqorandtpr{}";

    /** Mode 0 inputs are diffs of two valid versions: these must also apply. */
    @Test
    void everyInputEndsInAResultOrAScimClientError() {
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            RandomScim scim = new RandomScim(4242L);
            Random random = scim.random();
            for (int i = 0; i < CASES && failures.size() < 5; i++) {
                boolean group = random.nextInt(3) == 0;
                ObjectNode resource = group ? scim.group(6) : scim.user();
                ResourceSchema schema = group ? CoreSchemas.GROUP_RESOURCE : CoreSchemas.USER_RESOURCE;
                if (i % 16 == 5) {
                    // Stored data the schema would not produce: the engine must still answer in SCIM terms
                    String[] keys = {"emails", "name", "members", "active", E, "displayName"};
                    resource.set(keys[random.nextInt(keys.length)], value(random, 0));
                }
                int mode = i % 4;
                ObjectNode diff = mode == 0 ? diffBody(scim, resource, schema) : null;
                if (diff != null && diff.get("Operations").isEmpty()) {
                    mode = 1;
                }
                Object input = mode == 0 ? diff
                        : mode == 3 ? mutateText(body(scim, resource, schema, mode).toString(), random)
                        : body(scim, resource, schema, mode);
                try {
                    PatchRequest request = input instanceof String
                            ? PatchRequest.parse((String) input) : PatchRequest.parse((JsonNode) input);
                    PatchEngine.apply(resource, request, schema);
                    outcomes[0]++;
                } catch (ScimException e) {
                    if (mode == 0) {
                        failures.add("a diff of two valid versions failed: " + e.detail() + " for " + input);
                    }
                    if (e.status() != 400 && e.status() != 409) {
                        failures.add(e.status() + " " + e.detail() + " for " + input);
                    }
                    outcomes[1]++;
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(e + " for " + input + " on " + resource);
                }
            }
        });
        assertThat(failures).as("inputs that ended in something other than a result or a SCIM 400").isEmpty();
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(CASES);
        System.out.printf("PatchFuzzTest: %d inputs, %d results, %d SCIM 400s%n", CASES, outcomes[0], outcomes[1]);
        assertThat(outcomes[0]).as("successes").isGreaterThan(CASES / 10);
        assertThat(outcomes[1]).as("SCIM errors").isGreaterThan(CASES / 10);
    }

    private static ObjectNode diffBody(RandomScim scim, ObjectNode resource, ResourceSchema schema) {
        ObjectNode edited = schema == CoreSchemas.USER_RESOURCE ? scim.editedUser(resource) : scim.editedGroup(resource, 6);
        return ResourceDiff.diff(resource, edited, schema).toJson();
    }

    /** Mode 1: random operations; 2: a diff plus random operations; 3: either, to be mutated as text. */
    private static ObjectNode body(RandomScim scim, ObjectNode resource, ResourceSchema schema, int mode) {
        Random random = scim.random();
        ObjectNode body;
        if (mode == 2 || (mode == 3 && random.nextBoolean())) {
            body = diffBody(scim, resource, schema);
        } else {
            body = JSON.objectNode();
            body.putArray("schemas").add(ScimConstants.MESSAGE_PATCH_OP);
            body.putArray("Operations");
        }
        ArrayNode operations = (ArrayNode) body.get("Operations");
        for (int i = random.nextInt(4); i >= 0; i--) {
            ObjectNode op = operations.addObject().put("op", OPS[random.nextInt(OPS.length)]);
            if (random.nextInt(5) > 0) {
                String path = PATHS[random.nextInt(PATHS.length)];
                op.put("path", random.nextInt(4) == 0 ? mutateText(path, random) : path);
            }
            if (random.nextInt(6) > 0) {
                op.set("value", value(random, 0));
            }
        }
        if (random.nextInt(10) == 0) {
            body.remove(random.nextBoolean() ? "schemas" : "Operations");
        }
        if (random.nextInt(10) == 0) {
            body.set(random.nextBoolean() ? "schemas" : "Operations", value(random, 0));
        }
        return body;
    }

    /** Random JSON, biased toward SCIM-like shapes. */
    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 7 : 10)) {
            case 0:
                return JSON.nullNode();
            case 1:
                return JSON.booleanNode(random.nextBoolean());
            case 2:
                return JSON.textNode(random.nextBoolean() ? "True" : "");
            case 3:
                return random.nextBoolean() ? JSON.numberNode(random.nextInt(100) - 50) : JSON.numberNode(random.nextDouble());
            case 4:
            case 5:
                return JSON.textNode(RandomScim.WORDS[random.nextInt(RandomScim.WORDS.length)]);
            case 6:
                return JSON.textNode("2026-11-29T04:33:37Z");
            case 7: {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = JSON.objectNode();
                String[] keys = {"value", "type", "primary", "display", "$ref", "givenName", "displayName",
                    "name.givenName", "emails", "active", "id", "members", E, E + ":employeeNumber", "manager",
                    "department", "shoeSize", "schemas", "meta"};
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(keys[random.nextInt(keys.length)], value(random, depth + 1));
                }
                return object;
            }
        }
    }

    /** Character-level mutations: insert, delete, replace or duplicate a slice. */
    private static String mutateText(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0:
                    mutated.insert(at, c);
                    break;
                case 1:
                    if (mutated.length() > 0) {
                        mutated.deleteCharAt(at);
                    }
                    break;
                case 2:
                    if (mutated.length() > 0) {
                        mutated.setCharAt(at, c);
                    }
                    break;
                default:
                    int end = Math.min(mutated.length(), at + random.nextInt(8));
                    mutated.insert(at, mutated.substring(at, end));
                    break;
            }
        }
        return mutated.toString();
    }
}
