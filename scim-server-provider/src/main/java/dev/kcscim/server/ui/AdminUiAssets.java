package dev.kcscim.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The admin pages' static files, read once from the classpath folder {@value #ROOT} (shipped by the {@code themes}
 * module). Only names matching {@link #NAME} are served, so no request can reach another classpath resource.
 */
final class AdminUiAssets {

    static final String ROOT = "/dev/kcscim/admin-ui/";
    /** One optional sub-folder, lower-case names, known extensions only: no {@code ..}, no absolute paths. */
    static final Pattern NAME = Pattern.compile("(?:[a-z0-9-]+/)?[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(?:_[A-Z]{2})?");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "json", "application/json; charset=utf-8");

    private static final Map<String, Optional<Asset>> CACHE = new ConcurrentHashMap<>();

    /** A file's bytes, media type and strong ETag. */
    record Asset(byte[] bytes, String mediaType, String etag) {
    }

    private AdminUiAssets() {
    }

    /** The named file, or empty when the name is not allowed or no such file ships. */
    static Optional<Asset> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(name, AdminUiAssets::load);
    }

    /**
     * The labels and help texts for the first supported language of an {@code Accept-Language} header, falling
     * back to English key by key, as one JSON object.
     */
    static Asset messages(String acceptLanguage) {
        String locale = language(acceptLanguage);
        return CACHE.computeIfAbsent("messages:" + locale, key -> Optional.of(messagesAsset(locale))).orElseThrow();
    }

    static String language(String acceptLanguage) {
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                String lang = tag.length() >= 2 ? tag.substring(0, 2) : tag;
                if (LOCALE.matcher(lang).matches() && AdminUiAssets.class.getResource(ROOT + "messages/messages_"
                        + lang + ".properties") != null) {
                    return lang;
                }
            }
        }
        return "en";
    }

    private static Asset messagesAsset(String locale) {
        Map<String, String> merged = new TreeMap<>(properties("en"));
        merged.putAll(properties(locale));
        StringBuilder json = new StringBuilder("{");
        merged.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append(quote(key)).append(':')
                .append(quote(value)));
        byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        return new Asset(bytes, TYPES.get("json"), etag(bytes));
    }

    private static Map<String, String> properties(String locale) {
        Properties props = new Properties();
        try (InputStream in = AdminUiAssets.class.getResourceAsStream(ROOT + "messages/messages_" + locale + ".properties")) {
            if (in != null) {
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        props.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = AdminUiAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(bytes, TYPES.get(extension), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
