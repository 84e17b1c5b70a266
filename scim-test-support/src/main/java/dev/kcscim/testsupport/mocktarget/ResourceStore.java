package dev.kcscim.testsupport.mocktarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory resources of one type of the mock target, keyed by the ids the mock assigns. */
public final class ResourceStore {

    private final String type;
    private final String uniqueAttribute;
    private final Map<String, ObjectNode> resources = new ConcurrentHashMap<>();

    ResourceStore(String type, String uniqueAttribute) {
        this.type = type;
        this.uniqueAttribute = uniqueAttribute;
    }

    /** A copy of every resource. */
    public List<ObjectNode> all() {
        List<ObjectNode> copies = new ArrayList<>();
        resources.values().forEach(r -> copies.add(r.deepCopy()));
        return copies;
    }

    /** A copy of the resource whose {@code attribute} equals {@code value} (case-insensitive), or null. */
    public ObjectNode findBy(String attribute, String value) {
        for (ObjectNode resource : resources.values()) {
            if (value != null && value.equalsIgnoreCase(resource.path(attribute).asText(null))) {
                return resource.deepCopy();
            }
        }
        return null;
    }

    public ObjectNode get(String id) {
        ObjectNode resource = resources.get(id);
        return resource == null ? null : resource.deepCopy();
    }

    public int size() {
        return resources.size();
    }

    /** Puts a resource directly (to simulate one that existed before provisioning); returns its id. */
    public synchronized String seed(ObjectNode resource) {
        String id = UUID.randomUUID().toString();
        ObjectNode copy = resource.deepCopy();
        copy.put("id", id);
        copy.putObject("meta").put("resourceType", type);
        resources.put(id, copy);
        return id;
    }

    synchronized ObjectNode create(ObjectNode resource) {
        String unique = resource.path(uniqueAttribute).asText(null);
        if (unique == null) {
            return null;
        }
        if (uniqueAttribute.equals("userName") && findBy(uniqueAttribute, unique) != null) {
            throw new IllegalStateException("uniqueness");
        }
        String id = seed(resource);
        return resources.get(id).deepCopy();
    }

    synchronized ObjectNode replace(String id, ObjectNode resource) {
        if (!resources.containsKey(id)) {
            return null;
        }
        ObjectNode copy = resource.deepCopy();
        copy.put("id", id);
        copy.putObject("meta").put("resourceType", type);
        resources.put(id, copy);
        return copy.deepCopy();
    }

    synchronized ObjectNode patch(String id, JsonNode body) {
        ObjectNode resource = resources.get(id);
        if (resource == null) {
            return null;
        }
        ObjectNode copy = resource.deepCopy();
        MiniPatch.apply(copy, body);
        resources.put(id, copy);
        return copy.deepCopy();
    }

    /** Replaces a resource behind the client's back (to make it drift); returns false when there is none. */
    public boolean overwrite(String id, ObjectNode resource) {
        return replace(id, resource) != null;
    }

    /** Removes a resource behind the client's back (to provoke a 404). */
    public boolean remove(String id) {
        return delete(id);
    }

    boolean delete(String id) {
        return resources.remove(id) != null;
    }

    void clear() {
        resources.clear();
    }
}
