package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of valid Users and Groups (and edits of them) for the property, differential, fuzz and
 * benchmark code. Values come from small pools so that filters and duplicates actually meet.
 */
public final class RandomScim {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String[] TYPES = {"work", "home", "other"};
    static final String[] WORDS = {"alpha", "Beta", "gamma", "delta", "Epsilon", "zeta", "eta", "theta"};

    private final Random random;

    public RandomScim(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A User with a random subset of core and enterprise attributes. */
    public ObjectNode user() {
        ObjectNode user = JSON.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(ScimConstants.SCHEMA_USER);
        user.put("id", "u-" + random.nextInt(1000));
        user.put("userName", word() + random.nextInt(100));
        user.putObject("meta").put("resourceType", "User");
        if (chance(2)) {
            user.put("externalId", "ext-" + random.nextInt(50));
        }
        for (String simple : new String[] {"displayName", "nickName", "title", "locale"}) {
            if (chance(2)) {
                user.put(simple, word());
            }
        }
        if (chance(2)) {
            user.put("active", random.nextBoolean());
        }
        if (chance(2)) {
            ObjectNode name = JSON.objectNode();
            for (String sub : new String[] {"givenName", "familyName", "middleName"}) {
                if (chance(2)) {
                    name.put(sub, word());
                }
            }
            if (!name.isEmpty()) {
                user.set("name", name);
            }
        }
        multi(user, "emails", "@example.com");
        multi(user, "phoneNumbers", "");
        multi(user, "roles", "-role");
        if (chance(2)) {
            ObjectNode extension = user.putObject(ScimConstants.SCHEMA_ENTERPRISE_USER);
            if (chance(2)) {
                extension.put("employeeNumber", String.valueOf(random.nextInt(1000)));
            }
            if (chance(2)) {
                extension.put("department", word());
            }
            if (chance(2)) {
                extension.putObject("manager").put("value", "m-" + random.nextInt(5));
            }
            if (extension.isEmpty()) {
                user.remove(ScimConstants.SCHEMA_ENTERPRISE_USER);
            } else {
                schemas.add(ScimConstants.SCHEMA_ENTERPRISE_USER);
            }
        }
        return user;
    }

    /** A Group with up to {@code maxMembers} members. */
    public ObjectNode group(int maxMembers) {
        ObjectNode group = JSON.objectNode();
        group.putArray("schemas").add(ScimConstants.SCHEMA_GROUP);
        group.put("id", "g-" + random.nextInt(1000));
        group.put("displayName", word());
        if (maxMembers > 0) {
            ArrayNode members = JSON.arrayNode();
            int count = random.nextInt(maxMembers + 1);
            List<Integer> used = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int id = random.nextInt(maxMembers * 2);
                if (!used.contains(id)) {
                    used.add(id);
                    members.addObject().put("value", "U" + id).put("type", "User");
                }
            }
            if (!members.isEmpty()) {
                group.set("members", members);
            }
        }
        return group;
    }

    /** A new version of {@code user}: another random User that keeps id, meta and, mostly, userName. */
    public ObjectNode editedUser(ObjectNode user) {
        ObjectNode edited = user();
        edited.set("id", user.get("id"));
        edited.set("meta", user.get("meta"));
        if (chance(4)) {
            return edited;
        }
        // Mostly small edits: start from the old version and touch one or two attributes
        ObjectNode small = user.deepCopy();
        for (int i = 0; i <= random.nextInt(2); i++) {
            String[] fields = {"displayName", "nickName", "name", "emails", "roles", "active",
                ScimConstants.SCHEMA_ENTERPRISE_USER, "externalId"};
            String field = fields[random.nextInt(fields.length)];
            JsonNode replacement = edited.get(field);
            if (replacement == null) {
                small.remove(field);
            } else {
                small.set(field, replacement);
            }
        }
        if (!small.has(ScimConstants.SCHEMA_ENTERPRISE_USER)) {
            small.putArray("schemas").add(ScimConstants.SCHEMA_USER);
        } else {
            small.putArray("schemas").add(ScimConstants.SCHEMA_USER).add(ScimConstants.SCHEMA_ENTERPRISE_USER);
        }
        return small;
    }

    /** A new version of {@code group}: members added and removed, maybe renamed. */
    public ObjectNode editedGroup(ObjectNode group, int maxMembers) {
        ObjectNode edited = group.deepCopy();
        if (chance(4)) {
            edited.put("displayName", word());
        }
        ArrayNode members = edited.has("members") ? (ArrayNode) edited.get("members") : JSON.arrayNode();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            if (!members.isEmpty() && random.nextBoolean()) {
                members.remove(random.nextInt(members.size()));
            } else {
                String id = "U" + (maxMembers * 2 + random.nextInt(1000));
                boolean present = false;
                for (JsonNode member : members) {
                    present |= member.get("value").asText().equals(id);
                }
                if (!present) {
                    members.addObject().put("value", id).put("type", "User");
                }
            }
        }
        if (members.isEmpty()) {
            edited.remove("members");
        } else {
            edited.set("members", members);
        }
        return edited;
    }

    public String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    public boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private void multi(ObjectNode user, String attribute, String suffix) {
        if (!chance(2)) {
            return;
        }
        ArrayNode values = JSON.arrayNode();
        List<String> used = new ArrayList<>();
        boolean primary = false;
        for (int i = random.nextInt(4); i > 0; i--) {
            String value = WORDS[random.nextInt(WORDS.length)].toLowerCase(java.util.Locale.ROOT) + suffix;
            if (used.contains(value)) {
                continue;
            }
            used.add(value);
            ObjectNode element = values.addObject().put("value", value).put("type", TYPES[random.nextInt(3)]);
            if (!primary && chance(3)) {
                element.put("primary", true);
                primary = true;
            }
        }
        if (!values.isEmpty()) {
            user.set(attribute, values);
        }
    }
}
