package dev.kcscim.testsupport.mocktarget;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the mock target received, with the status it answered.
 *
 * @param path the path below the SCIM base, e.g. {@code /Users/abc}
 * @param query the raw decoded query, or null
 * @param atMillis when the request arrived
 */
public record RecordedRequest(String method, String path, String query, String authorization, JsonNode body,
        int status, long atMillis) {

    /** Whether this is {@code method} on a path starting with {@code pathPrefix}. */
    public boolean is(String method, String pathPrefix) {
        return this.method.equals(method) && path.startsWith(pathPrefix);
    }
}
