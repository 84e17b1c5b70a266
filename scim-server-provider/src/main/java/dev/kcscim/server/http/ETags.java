package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.version.ResourceVersion;

/**
 * Conditional requests on SCIM resources (RFC 7644 §3.14, RFC 7232): {@code If-Match} on PUT, PATCH and
 * DELETE must name the current version (or be {@code *}), else {@code 412} and nothing changes;
 * {@code If-None-Match} on GET naming the current version gives {@code 304}. Versions are the weak tags
 * in {@code meta.version} (see {@link ResourceVersion}).
 */
final class ETags {

    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";
    static final String ETAG = "ETag";

    private ETags() {
    }

    /** {@code meta.version} of an unprojected resource. */
    static String of(JsonNode resource) {
        JsonNode version = resource.path("meta").path("version");
        if (!version.isTextual()) {
            throw new IllegalStateException("resource without meta.version");
        }
        return version.textValue();
    }

    /** Throws {@code 412} when {@code ifMatch} is present and does not name {@code current}. */
    static void requireMatch(String ifMatch, String current, String what) {
        if (ifMatch != null && !ResourceVersion.matches(ifMatch, current)) {
            throw ScimException.preconditionFailed("If-Match " + ifMatch + " does not match the current version "
                    + current + " of " + what + "; read it again and retry");
        }
    }

    /** Whether a GET with {@code ifNoneMatch} is answered {@code 304}. */
    static boolean notModified(String ifNoneMatch, String current) {
        return ifNoneMatch != null && ResourceVersion.matches(ifNoneMatch, current);
    }
}
