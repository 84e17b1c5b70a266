package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.client.targets.TargetConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a target accepts PATCH, from its {@code /ServiceProviderConfig} ({@code patch.supported}, RFC 7643 §5),
 * cached per target for ten minutes. {@code usePatch=never} forces PUT; an unreadable configuration counts as
 * PATCH supported, since most targets support it and a 501/405 then surfaces in the dead letters.
 */
final class PatchSupport {

    private static final long TTL_MILLIS = 600_000;

    private record Entry(boolean patch, long until) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    boolean supportsPatch(ScimHttp http) {
        TargetConfig target = http.target();
        if (target.usePatch() == TargetConfig.UsePatch.NEVER) {
            return false;
        }
        Entry entry = cache.get(target.id());
        long now = System.currentTimeMillis();
        if (entry != null && entry.until > now) {
            return entry.patch;
        }
        boolean patch = true;
        try {
            ScimResponse response = http.send("GET", "/ServiceProviderConfig", null);
            JsonNode supported = response.ok() && response.body() != null ? response.body().path("patch").path("supported") : null;
            if (supported != null && supported.isBoolean()) {
                patch = supported.asBoolean();
            }
        } catch (DeliveryFailure e) {
            // Unreachable now: decide again on the next delivery
            return true;
        }
        cache.put(target.id(), new Entry(patch, now + TTL_MILLIS));
        return patch;
    }

    void forget(String targetId) {
        cache.remove(targetId);
    }
}
