package dev.kcscim.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.server.jpa.ProvisioningTokenEntity;
import dev.kcscim.server.token.TokenScope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The admin API's form of a provisioning token: {@code id}, {@code name}, {@code prefix} (the first characters of
 * the secret, for recognition), {@code scope}, {@code created}, {@code createdBy}, {@code expires},
 * {@code lastUsed} (ISO-8601 UTC; null when unset), {@code expired} and {@code organizationId} (the organization
 * whose SCIM base URL the token works on; null for a realm token). Never the secret or its hash.
 */
final class TokenJson {

    /** Fields a create request may have. */
    static final Set<String> CREATE_FIELDS = Set.of("name", "scope", "expiresAt", "expiresInDays", "organizationId");
    static final int MAX_NAME = 255;
    static final int MAX_DAYS = 3650;

    /** A validated create request. */
    record CreateRequest(String name, TokenScope scope, Long expiresAt, String organizationId) {
    }

    private TokenJson() {
    }

    static ObjectNode toJson(ProvisioningTokenEntity token, long now) {
        ObjectNode json = AdminJson.MAPPER.createObjectNode();
        json.put("id", token.getId());
        json.put("name", token.getName());
        json.put("prefix", token.getPrefix());
        json.put("scope", token.getScope());
        json.put("created", instant(token.getCreatedAt()));
        json.put("createdBy", token.getCreatedByUsername());
        json.put("expires", token.getExpiresAt() == null ? null : instant(token.getExpiresAt()));
        json.put("lastUsed", token.getLastUsedAt() == null ? null : instant(token.getLastUsedAt()));
        json.put("expired", token.getExpiresAt() != null && token.getExpiresAt() <= now);
        json.put("organizationId", token.getOrganizationId());
        return json;
    }

    /** Reads a create request; every problem is a 400 with a message naming the field. */
    static CreateRequest createRequest(ObjectNode json, long now) {
        JsonNode name = json.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw AdminJson.badRequest("'name' is required: a non-blank string naming the token (e.g. the IdP using it)");
        }
        if (name.asText().trim().length() > MAX_NAME) {
            throw AdminJson.badRequest("'name' may have at most " + MAX_NAME + " characters");
        }
        JsonNode scopeNode = json.get("scope");
        TokenScope scope = scopeNode == null || !scopeNode.isTextual() ? null : TokenScope.of(scopeNode.asText()).orElse(null);
        if (scope == null) {
            throw AdminJson.badRequest("'scope' is required: \"read-only\" or \"read-write\"");
        }
        JsonNode organization = json.get("organizationId");
        if (organization != null && !organization.isNull() && (!organization.isTextual() || organization.asText().isBlank())) {
            throw AdminJson.badRequest("'organizationId' must be the id of an organization of this realm, or null");
        }
        return new CreateRequest(name.asText().trim(), scope, expiry(json, now),
                organization == null || organization.isNull() ? null : organization.asText());
    }

    private static Long expiry(ObjectNode json, long now) {
        JsonNode at = json.get("expiresAt");
        JsonNode days = json.get("expiresInDays");
        boolean hasAt = at != null && !at.isNull();
        boolean hasDays = days != null && !days.isNull();
        if (hasAt && hasDays) {
            throw AdminJson.badRequest("Give either 'expiresAt' or 'expiresInDays', not both");
        }
        if (hasDays) {
            if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > MAX_DAYS) {
                throw AdminJson.badRequest("'expiresInDays' must be a whole number from 1 to " + MAX_DAYS);
            }
            return Instant.ofEpochMilli(now).plus(days.asInt(), ChronoUnit.DAYS).toEpochMilli();
        }
        if (hasAt) {
            Instant instant;
            try {
                instant = at.isTextual() ? Instant.parse(at.asText()) : null;
            } catch (DateTimeParseException e) {
                instant = null;
            }
            if (instant == null) {
                throw AdminJson.badRequest("'expiresAt' must be an ISO-8601 UTC instant such as \"2027-01-31T00:00:00Z\"");
            }
            if (instant.toEpochMilli() <= now) {
                throw AdminJson.badRequest("'expiresAt' must be in the future");
            }
            return instant.toEpochMilli();
        }
        return null;
    }

    private static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
