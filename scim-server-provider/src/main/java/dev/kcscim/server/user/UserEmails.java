package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A user's SCIM {@code emails} (RFC 7643 §4.1.2) over Keycloak's single email column. Keycloak's email is the
 * primary email. A user whose emails are exactly {@code [{"value": <Keycloak's email>, "type": "work", "primary":
 * true}]} (what Okta and Entra ID send, and what every user made outside SCIM reads as) needs nothing stored; any
 * other list is stored whole under {@code kcscim.emails} and read back with its primary value kept in step with
 * Keycloak's email, which administrators may change. Reading Keycloak's email as a {@code work} email is what the
 * provisioning clients expect (Entra ID maps {@code emails[type eq "work"].value}; a GET without the type would
 * look like drift to it) and what our outbound provisioning sends.
 */
final class UserEmails {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEFAULT_TYPE = "work";

    private UserEmails() {
    }

    /** The emails a user with no stored list reads as: Keycloak's email as the primary work email, or none. */
    static ArrayNode derived(String keycloakEmail) {
        ArrayNode emails = NODES.arrayNode();
        if (keycloakEmail != null && !keycloakEmail.isBlank()) {
            emails.addObject().put("value", keycloakEmail).put("type", DEFAULT_TYPE).put("primary", true);
        }
        return emails;
    }

    /**
     * True when {@code emails} reads back exactly from Keycloak's email alone ({@link #derived}), so storing the
     * list would only repeat it. Keycloak lower-cases emails, so a value with capitals is stored to round-trip.
     */
    static boolean isDerived(JsonNode emails, String keycloakEmail) {
        return emails != null && !emails.isEmpty() && derived(keycloakEmail).equals(emails);
    }

    /**
     * The emails to return: the stored list ({@code null} when none is stored; changed in place) with its primary
     * value replaced by Keycloak's email when they differ, dropped when Keycloak has no email, and added first when
     * no stored value is Keycloak's email. A stored list without a primary flag whose value is Keycloak's email is
     * returned as stored (Keycloak took its first value as the email; repeating it would list the address twice).
     */
    static ArrayNode read(JsonNode stored, String keycloakEmail) {
        if (stored == null || !stored.isArray()) {
            return derived(keycloakEmail);
        }
        ArrayNode emails = (ArrayNode) stored;
        boolean hasEmail = keycloakEmail != null && !keycloakEmail.isBlank();
        int primary = -1;
        int same = -1;
        for (int i = 0; i < emails.size(); i++) {
            JsonNode element = emails.get(i);
            if (element.isObject() && element.path("primary").asBoolean(false)) {
                primary = i;
            }
            if (same < 0 && hasEmail && keycloakEmail.equalsIgnoreCase(element.path("value").asText(null))) {
                same = i;
            }
        }
        if (!hasEmail) {
            if (primary >= 0) {
                emails.remove(primary);
            }
        } else if (primary >= 0) {
            if (!keycloakEmail.equalsIgnoreCase(emails.get(primary).path("value").asText())) {
                ((ObjectNode) emails.get(primary)).put("value", keycloakEmail);
            }
        } else if (same < 0) {
            emails.insert(0, NODES.objectNode().put("value", keycloakEmail).put("primary", true));
        }
        return emails;
    }
}
