package dev.kcscim.client.targets;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keycloak.component.ComponentModel;

/**
 * The configuration of one SCIM target, read from its component. Secret values are kept as stored (a literal or
 * a {@code ${vault.x}} reference) and resolved only when a request is sent ({@link TargetAuth}).
 *
 * @param retryBudgetMillis how long a change is retried on 429, 5xx and I/O errors before it is dead-lettered
 * @param source the inbound source this target stands for ({@code token:<id>} or {@code client:<clientId>}): a
 *        change that came in through our SCIM API from that source is not pushed back to it (loop prevention)
 * @param syncIntervalSeconds how often a full sync runs on its own; 0: never
 */
public record TargetConfig(String id, String realmId, String name, String baseUrl, boolean enabled, AuthType authType,
        String token, String username, String password, String tokenUrl, String clientId, String clientSecret,
        String scope, int connectTimeoutMs, int requestTimeoutMs, DeleteMode deleteMode, On404 on404,
        UsePatch usePatch, long retryBudgetMillis, TargetScope userScope, AttributeMapping mapping, String source,
        OrphanPolicy orphanPolicy, int syncIntervalSeconds) {

    public static final String BASE_URL = "baseUrl";
    public static final String ENABLED = "enabled";
    public static final String AUTH_TYPE = "authType";
    public static final String TOKEN = "token";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String TOKEN_URL = "tokenUrl";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final String SCOPE = "scope";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String REQUEST_TIMEOUT_MS = "requestTimeoutMs";
    public static final String DELETE_MODE = "deleteMode";
    public static final String ON_404 = "on404";
    public static final String USE_PATCH = "usePatch";
    public static final String RETRY_BUDGET_HOURS = "retryBudgetHours";
    public static final String SOURCE = "source";
    public static final String ORPHAN_POLICY = "orphanPolicy";
    public static final String SYNC_INTERVAL_SECONDS = "syncIntervalSeconds";
    /** The smallest scheduled-sync interval (a full sync pages through every user). */
    public static final int MIN_SYNC_INTERVAL_SECONDS = 5;

    /** Config keys holding secrets: masked in every response, never logged. */
    public static final List<String> SECRET_KEYS = List.of(TOKEN, PASSWORD, CLIENT_SECRET);

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_RETRY_BUDGET_HOURS = 24;

    /** How the target authenticates our requests. */
    public enum AuthType {
        BEARER("bearer"), BASIC("basic"), OAUTH2_CLIENT_CREDENTIALS("oauth2_client_credentials");

        private final String wire;

        AuthType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static AuthType fromWire(String value) {
            for (AuthType type : values()) {
                if (type.wire.equalsIgnoreCase(value)) {
                    return type;
                }
            }
            return null;
        }
    }

    /** What a local user deletion does on the target. */
    public enum DeleteMode { DELETE, DEACTIVATE }

    /** What a 404 on update or delete of a linked resource does: create it again, or forget the link. */
    public enum On404 { RECREATE, UNLINK }

    /** What a full sync does with an account on the target that is linked to no Keycloak user. */
    public enum OrphanPolicy { REPORT, ADOPT, DEACTIVATE }

    /** Whether updates use PATCH: {@code auto} asks the target's ServiceProviderConfig, {@code never} always PUTs. */
    public enum UsePatch { AUTO, NEVER }

    /** Reads a stored component; values that fail validation fall back to their defaults. */
    public static TargetConfig of(ComponentModel model) {
        return new TargetConfig(model.getId(), model.getParentId(), model.getName(), trimSlash(model.get(BASE_URL)),
                !"false".equalsIgnoreCase(model.get(ENABLED)),
                orDefault(AuthType.fromWire(model.get(AUTH_TYPE)), AuthType.BEARER),
                model.get(TOKEN), model.get(USERNAME), model.get(PASSWORD), model.get(TOKEN_URL), model.get(CLIENT_ID),
                model.get(CLIENT_SECRET), model.get(SCOPE),
                intOr(model.get(CONNECT_TIMEOUT_MS), DEFAULT_CONNECT_TIMEOUT_MS),
                intOr(model.get(REQUEST_TIMEOUT_MS), DEFAULT_REQUEST_TIMEOUT_MS),
                enumOr(DeleteMode.class, model.get(DELETE_MODE), DeleteMode.DELETE),
                enumOr(On404.class, model.get(ON_404), On404.RECREATE),
                enumOr(UsePatch.class, model.get(USE_PATCH), UsePatch.AUTO),
                intOr(model.get(RETRY_BUDGET_HOURS), DEFAULT_RETRY_BUDGET_HOURS) * 3_600_000L,
                TargetScope.of(model), AttributeMapping.of(model.get(AttributeMapping.KEY)),
                blank(model.get(SOURCE)) ? null : model.get(SOURCE).trim(),
                enumOr(OrphanPolicy.class, model.get(ORPHAN_POLICY), OrphanPolicy.REPORT),
                intOr(model.get(SYNC_INTERVAL_SECONDS), 0));
    }

    /** This configuration with its secrets replaced (vault references resolved at send time). */
    public TargetConfig withSecrets(String token, String password, String clientSecret) {
        return new TargetConfig(id, realmId, name, baseUrl, enabled, authType, token, username, password, tokenUrl,
                clientId, clientSecret, scope, connectTimeoutMs, requestTimeoutMs, deleteMode, on404, usePatch,
                retryBudgetMillis, userScope, mapping, source, orphanPolicy, syncIntervalSeconds);
    }

    /**
     * Problems with a component's configuration, each as {@code field: message}; empty when valid. Checks the
     * URL scheme, required values per auth type, enum values and numeric ranges.
     */
    public static List<String> problems(ComponentModel model) {
        List<String> problems = new ArrayList<>();
        if (blank(model.getName())) {
            problems.add("name: is required");
        }
        String url = model.get(BASE_URL);
        if (blank(url)) {
            problems.add("baseUrl: is required");
        } else if (!httpUrl(url)) {
            problems.add("baseUrl: must be an absolute http or https URL");
        } else {
            problems.addAll(UrlPolicy.current().problems("baseUrl", url));
        }
        AuthType auth = AuthType.fromWire(model.get(AUTH_TYPE));
        if (auth == null) {
            problems.add("auth.type: must be one of bearer, basic, oauth2_client_credentials");
        } else if (auth == AuthType.BEARER) {
            require(model, TOKEN, "auth.token", problems);
        } else if (auth == AuthType.BASIC) {
            require(model, USERNAME, "auth.username", problems);
            require(model, PASSWORD, "auth.password", problems);
        } else {
            require(model, TOKEN_URL, "auth.tokenUrl", problems);
            require(model, CLIENT_ID, "auth.clientId", problems);
            require(model, CLIENT_SECRET, "auth.clientSecret", problems);
            if (!blank(model.get(TOKEN_URL)) && !httpUrl(model.get(TOKEN_URL))) {
                problems.add("auth.tokenUrl: must be an absolute http or https URL");
            } else if (!blank(model.get(TOKEN_URL))) {
                problems.addAll(UrlPolicy.current().problems("auth.tokenUrl", model.get(TOKEN_URL)));
            }
        }
        range(model, CONNECT_TIMEOUT_MS, 100, 300_000, problems);
        range(model, REQUEST_TIMEOUT_MS, 100, 600_000, problems);
        range(model, RETRY_BUDGET_HOURS, 0, 24 * 30, problems);
        enumCheck(DeleteMode.class, model.get(DELETE_MODE), DELETE_MODE, problems);
        enumCheck(On404.class, model.get(ON_404), ON_404, problems);
        enumCheck(UsePatch.class, model.get(USE_PATCH), USE_PATCH, problems);
        enumCheck(OrphanPolicy.class, model.get(ORPHAN_POLICY), ORPHAN_POLICY, problems);
        range(model, SYNC_INTERVAL_SECONDS, 0, 31 * 86_400, problems);
        String interval = model.get(SYNC_INTERVAL_SECONDS);
        if (interval != null && interval.matches("\\d+") && Integer.parseInt(interval) > 0
                && Integer.parseInt(interval) < MIN_SYNC_INTERVAL_SECONDS) {
            problems.add(SYNC_INTERVAL_SECONDS + ": must be 0 (off) or at least " + MIN_SYNC_INTERVAL_SECONDS);
        }
        String source = model.get(SOURCE);
        if (!blank(source) && !source.trim().matches("(token|client):\\S+")) {
            problems.add("source: must be token:<provisioning token id> or client:<clientId>");
        }
        problems.addAll(TargetScope.problems(model));
        List<String> mappingProblems = new ArrayList<>();
        String mapping = model.get(AttributeMapping.KEY);
        if (!blank(mapping)) {
            com.fasterxml.jackson.databind.JsonNode json = AttributeMapping.readTree(mapping);
            if (json == null) {
                mappingProblems.add("mapping: is not valid JSON");
            } else {
                AttributeMapping.parse(json, mappingProblems);
            }
        }
        problems.addAll(mappingProblems);
        String enabled = model.get(ENABLED);
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
            problems.add("enabled: must be true or false");
        }
        return problems;
    }

    static boolean httpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void require(ComponentModel model, String key, String field, List<String> problems) {
        if (blank(model.get(key))) {
            problems.add(field + ": is required");
        }
    }

    private static void range(ComponentModel model, String key, int min, int max, List<String> problems) {
        String value = model.get(key);
        if (value == null) {
            return;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problems.add(key + ": must be between " + min + " and " + max);
            }
        } catch (NumberFormatException e) {
            problems.add(key + ": must be an integer");
        }
    }

    private static <E extends Enum<E>> void enumCheck(Class<E> type, String value, String field, List<String> problems) {
        if (value != null && enumOr(type, value, null) == null) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            problems.add(field + ": must be one of " + String.join(", ", names));
        }
    }

    static <E extends Enum<E>> E enumOr(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        return fallback;
    }

    private static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimSlash(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
