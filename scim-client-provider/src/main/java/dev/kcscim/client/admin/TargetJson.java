package dev.kcscim.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.targets.Scim2TargetProviderFactory;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.TargetScope;
import dev.kcscim.client.targets.Targets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

/**
 * The JSON form of a target in our admin API, and its mapping to the component's flat config. Secrets are
 * replaced by {@link #MASK} in every representation (vault references {@code ${vault.x}} are shown, they are not
 * secret); a write that sends the mask back keeps the stored secret.
 */
final class TargetJson {

    static final String MASK = "**********";

    /** Top-level members and their config keys (auth members are mapped separately). */
    private static final Map<String, String> PLAIN = Map.of(
            "baseUrl", TargetConfig.BASE_URL,
            "connectTimeoutMs", TargetConfig.CONNECT_TIMEOUT_MS,
            "requestTimeoutMs", TargetConfig.REQUEST_TIMEOUT_MS,
            "deleteMode", TargetConfig.DELETE_MODE,
            "on404", TargetConfig.ON_404,
            "usePatch", TargetConfig.USE_PATCH,
            "retryBudgetHours", TargetConfig.RETRY_BUDGET_HOURS,
            "source", TargetConfig.SOURCE,
            "orphanPolicy", TargetConfig.ORPHAN_POLICY,
            "syncIntervalSeconds", TargetConfig.SYNC_INTERVAL_SECONDS);
    private static final Map<String, String> AUTH = Map.of(
            "token", TargetConfig.TOKEN, "username", TargetConfig.USERNAME, "password", TargetConfig.PASSWORD,
            "tokenUrl", TargetConfig.TOKEN_URL, "clientId", TargetConfig.CLIENT_ID,
            "clientSecret", TargetConfig.CLIENT_SECRET, "scope", TargetConfig.SCOPE);
    private static final List<String> KNOWN = List.of("id", "name", "enabled", "auth", "baseUrl", "connectTimeoutMs",
            "requestTimeoutMs", "deleteMode", "on404", "usePatch", "retryBudgetHours", "scope", "mapping", "source",
            "orphanPolicy", "syncIntervalSeconds", "organizationId");

    private TargetJson() {
    }

    /** The masked representation of a stored target. */
    static ObjectNode toJson(ComponentModel model) {
        TargetConfig config = TargetConfig.of(model);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", model.getId());
        json.put("name", model.getName());
        json.put("baseUrl", config.baseUrl());
        json.put("enabled", config.enabled());
        ObjectNode auth = json.putObject("auth");
        auth.put("type", config.authType().wire());
        for (Map.Entry<String, String> member : AUTH.entrySet()) {
            String value = model.get(member.getValue());
            if (value != null) {
                auth.put(member.getKey(), mask(member.getValue(), value));
            }
        }
        json.put("connectTimeoutMs", config.connectTimeoutMs());
        json.put("requestTimeoutMs", config.requestTimeoutMs());
        json.put("deleteMode", config.deleteMode().name().toLowerCase(Locale.ROOT));
        json.put("on404", config.on404().name().toLowerCase(Locale.ROOT));
        json.put("usePatch", config.usePatch().name().toLowerCase(Locale.ROOT));
        json.put("retryBudgetHours", config.retryBudgetMillis() / 3_600_000L);
        json.set("scope", ScopeJson.toJson(config.userScope()));
        json.set("mapping", config.mapping().toJson());
        if (config.source() != null) {
            json.put("source", config.source());
        }
        json.put("orphanPolicy", config.orphanPolicy().name().toLowerCase(Locale.ROOT));
        json.put("syncIntervalSeconds", config.syncIntervalSeconds());
        json.put("organizationId", model.get(TargetScope.OWNER_ORGANIZATION));
        return json;
    }

    static String mask(String key, String value) {
        if (!TargetConfig.SECRET_KEYS.contains(key) || value == null || value.startsWith("${vault.")) {
            return value;
        }
        return MASK;
    }

    /**
     * A component built from {@code json} for {@code realmId}; {@code existing} (null on create) supplies the id
     * and any secret sent back masked. Shape errors are returned as {@code field: message} in {@code problems}.
     */
    static ComponentModel toModel(JsonNode json, String realmId, ComponentModel existing, List<String> problems) {
        ComponentModel model = new ComponentModel();
        if (existing != null) {
            model.setId(existing.getId());
        }
        model.setParentId(realmId);
        model.setProviderType(Targets.PROVIDER_TYPE);
        model.setProviderId(Scim2TargetProviderFactory.PROVIDER_ID);
        model.setConfig(new MultivaluedHashMap<>());
        if (json == null || !json.isObject()) {
            problems.add("body: must be a JSON object");
            return model;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                problems.add(name + ": unknown member");
            }
        }
        model.setName(text(json, "name", "name", problems));
        if (json.has("enabled") && !json.get("enabled").isBoolean()) {
            problems.add("enabled: must be true or false");
        }
        model.getConfig().putSingle(TargetConfig.ENABLED, String.valueOf(json.path("enabled").asBoolean(true)));
        for (Map.Entry<String, String> member : PLAIN.entrySet()) {
            put(model, member.getValue(), text(json, member.getKey(), member.getKey(), problems));
        }
        // the owning organization: fixed at creation, as a tenant's target must not move to another tenant
        String owner = existing != null ? existing.get(TargetScope.OWNER_ORGANIZATION)
                : text(json, "organizationId", "organizationId", problems);
        if (existing != null && json.has("organizationId")
                && !java.util.Objects.equals(owner, json.get("organizationId").isNull() ? null : json.get("organizationId").asText())) {
            problems.add("organizationId: cannot change; create a new target for another organization");
        }
        put(model, TargetScope.OWNER_ORGANIZATION, owner);
        ScopeJson.toModel(json.get("scope"), model, problems);
        ScopeJson.mappingToModel(json.get("mapping"), model, problems);
        JsonNode auth = json.get("auth");
        if (auth == null || !auth.isObject()) {
            problems.add("auth: must be an object with a 'type'");
            return model;
        }
        put(model, TargetConfig.AUTH_TYPE, text(auth, "type", "auth.type", problems));
        for (Map.Entry<String, String> member : AUTH.entrySet()) {
            String value = text(auth, member.getKey(), "auth." + member.getKey(), problems);
            if (MASK.equals(value)) {
                value = existing == null ? null : existing.get(member.getValue());
                if (value == null) {
                    problems.add("auth." + member.getKey() + ": send the secret itself, not the mask");
                }
            }
            put(model, member.getValue(), value);
        }
        return model;
    }

    private static String text(JsonNode json, String member, String field, List<String> problems) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            problems.add(field + ": must be a string" + (value.isBoolean() ? "" : " or a number"));
            return null;
        }
        return value.asText();
    }

    private static void put(ComponentModel model, String key, String value) {
        if (value != null && !value.isEmpty()) {
            model.getConfig().putSingle(key, value);
        }
    }

    static List<String> all(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
