package dev.kcscim.server.user;

import dev.kcscim.core.filter.Compare;
import dev.kcscim.core.filter.CompareOp;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.filter.ValuePathFilter;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.json.ScimDateTime;
import dev.kcscim.server.query.Conjuncts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.UserModel;

/**
 * Translates the terms of a filter's top-level {@code and} chain that Keycloak's user search can answer
 * into its parameter map (keycloak-spi-notes.md §6): {@code userName eq}, {@code name.givenName eq},
 * {@code name.familyName eq}, {@code active eq}, {@code externalId eq}, {@code meta.created ge/gt/le/lt}, plus
 * {@code id eq}, {@code groups.value eq} and an email ({@code emails[.value] eq}, or Entra's
 * {@code emails[type eq "work"].value eq}) as alternative candidate sources.
 * {@link #exact()} says whether the database result is exactly the filter's result; otherwise it is a
 * superset and the whole filter is evaluated again in memory.
 */
final class UserPushDown {

    private final Map<String, String> params = new LinkedHashMap<>();
    private String userId;
    private String groupId;
    private String email;
    private boolean exact = true;
    private CustomExtension custom;

    private UserPushDown() {
        params.put(UserModel.INCLUDE_SERVICE_ACCOUNT, "false");
        params.put(UserModel.EXACT, "true");
    }

    static UserPushDown of(Filter filter) {
        return of(filter, null);
    }

    /** As {@link #of(Filter)}, also pushing down {@code eq} on the realm's custom extension attributes. */
    static UserPushDown of(Filter filter, CustomExtension custom) {
        UserPushDown pushDown = new UserPushDown();
        pushDown.custom = custom;
        if (filter != null) {
            for (Filter term : Conjuncts.of(filter)) {
                if (term instanceof ValuePathFilter) {
                    pushDown.pushEmailPath((ValuePathFilter) term);
                }
                if (!(term instanceof Compare) || !pushDown.push((Compare) term)) {
                    pushDown.exact = false;
                }
            }
        }
        return pushDown;
    }

    Map<String, String> params() {
        return params;
    }

    /** Set when the filter pins {@code id eq}: at most one candidate. */
    String userId() {
        return userId;
    }

    /** Set when the filter pins {@code groups.value eq}: candidates are that group's members. */
    String groupId() {
        return groupId;
    }

    /**
     * Set when the filter pins an email value: candidates are the users with that Keycloak email or that SCIM
     * email value (lower-cased); the filter is then evaluated in memory over them.
     */
    String email() {
        return email;
    }

    boolean exact() {
        return exact;
    }

    /** True when {@code term} was pushed down exactly. */
    private boolean push(Compare term) {
        CompareOp op = term.op();
        if (term.value() == null || term.value().isNull()) {
            return false;
        }
        String value = term.value().asText();
        if (op == CompareOp.EQ && term.value().isTextual()) {
            if (Conjuncts.isUserPath(term, "userName", null)) {
                return put(UserModel.USERNAME, value.toLowerCase(Locale.ROOT));
            }
            if (Conjuncts.isUserPath(term, "name", "givenName")) {
                return put(UserModel.FIRST_NAME, value);
            }
            if (Conjuncts.isUserPath(term, "name", "familyName")) {
                return put(UserModel.LAST_NAME, value);
            }
            if (Conjuncts.isUserPath(term, "emails", "value") || Conjuncts.isUserPath(term, "emails", null)) {
                // Users made outside SCIM have only Keycloak's email; both are candidate sources, then memory
                if (email == null) {
                    email = value.toLowerCase(Locale.ROOT);
                }
                return false;
            }
            if (Conjuncts.isUserPath(term, "externalId", null)) {
                // attribute search compares lower-cased; externalId is caseExact, so this is a superset
                put(UserAttributes.EXTERNAL_ID, value);
                return false;
            }
            if (Conjuncts.isUserPath(term, "id", null) && userId == null) {
                userId = value;
                return true;
            }
            if (Conjuncts.isUserPath(term, "groups", "value") && groupId == null) {
                groupId = value;
                return true;
            }
            if (custom != null) {
                return pushCustom(term, value);
            }
        }
        if (op == CompareOp.EQ && term.value().isBoolean() && Conjuncts.isUserPath(term, "active", null)) {
            return put(UserModel.ENABLED, Boolean.toString(term.value().booleanValue()));
        }
        if (Conjuncts.isUserPath(term, "meta", "created") && term.value().isTextual()) {
            return pushCreated(op, ScimDateTime.tryParse(value));
        }
        return false;
    }

    /** {@code emails[... and value eq "x"]} (also Entra's {@code emails[type eq "work"].value eq "x"}). */
    private void pushEmailPath(ValuePathFilter term) {
        AttributePath path = term.path();
        boolean emails = path.name().equalsIgnoreCase("emails") && path.subAttribute() == null
                && (path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(ScimConstants.SCHEMA_USER));
        if (!emails || email != null) {
            return;
        }
        for (Filter inner : Conjuncts.of(term.inner())) {
            if (inner instanceof Compare) {
                Compare compare = (Compare) inner;
                if (compare.op() == CompareOp.EQ && compare.value() != null && compare.value().isTextual()
                        && compare.path().name().equalsIgnoreCase("value") && compare.path().subAttribute() == null) {
                    email = compare.value().asText().toLowerCase(Locale.ROOT);
                    return;
                }
            }
        }
    }

    /** The attribute search compares lower-cased values: exact for caseExact=false strings, else a superset. */
    private boolean pushCustom(Compare term, String value) {
        String urn = term.path().schemaUrn();
        if (term.path().subAttribute() != null || (urn != null && !urn.equalsIgnoreCase(custom.schema().id()))) {
            return false;
        }
        if (urn == null && (dev.kcscim.core.schema.CoreSchemas.USER.attribute(term.path().name()).isPresent()
                || dev.kcscim.core.schema.CoreSchemas.ENTERPRISE_USER.attribute(term.path().name()).isPresent())) {
            return false;
        }
        return custom.schema().attribute(term.path().name())
                .filter(attribute -> attribute.type() == dev.kcscim.core.schema.AttributeType.STRING)
                .map(attribute -> put(custom.attributes().get(attribute.name()), value) && !attribute.caseExact())
                .orElse(false);
    }

    private boolean pushCreated(CompareOp op, Instant at) {
        if (at == null || at.getNano() % 1_000_000 != 0) {
            return false;
        }
        long millis = at.toEpochMilli();
        switch (op) {
            case GE:
                return put(UserModel.CREATED_AFTER, Long.toString(millis));
            case GT:
                return put(UserModel.CREATED_AFTER, Long.toString(millis + 1));
            case LE:
                return put(UserModel.CREATED_BEFORE, Long.toString(millis));
            case LT:
                return put(UserModel.CREATED_BEFORE, Long.toString(millis - 1));
            default:
                return false;
        }
    }

    /** One key holds one value; a second condition on the same key stays in memory. */
    private boolean put(String key, String value) {
        if (params.containsKey(key)) {
            return false;
        }
        params.put(key, value);
        return true;
    }
}
