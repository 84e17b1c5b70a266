package dev.kcscim.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded generator of realistic filters over the User schema (the attributes and values of
 * {@code sample-users.json}), shared by the differential and fuzz tests. Same seed, same corpus.
 */
final class FilterCorpus {

    static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private enum Kind { STRING, BOOLEAN, DATE_TIME }

    private record Attr(String path, Kind kind, List<String> values) {
    }

    private static final List<String> NAMES = List.of("bjensen@example.com", "BJensen@Example.com", "JSmith", "jsmith",
            "test.user@okta.local", "Test_User_3f1c", "minimal", "zoë.ünïcode@例え.jp", "nobody");
    private static final List<String> FRAGMENTS = List.of("example", "EXAMPLE.COM", "@", ".org", "bjensen", "Test", "user",
            "okta", "Jen", "smith", "a", "", "z", "ü", "-", "9");
    private static final List<String> DATES = List.of("2010-01-23T04:56:22Z", "2011-05-13T04:42:34Z",
            "2012-07-01T10:00:00Z", "2012-07-01T12:00:00+02:00", "2020-02-29T23:59:59.999Z", "2024-01-01T00:00:00Z",
            "2025-01-01T00:00:00Z", "2019-06-30T04:45:30.123Z", "2000-01-01T00:00:00Z", "2030-01-01T00:00:00+14:00");

    private static final List<Attr> ATTRIBUTES = List.of(
            new Attr("userName", Kind.STRING, NAMES),
            new Attr("name.familyName", Kind.STRING, List.of("Jensen", "jensen", "Smith", "User", "Ünïcode", "Doe")),
            new Attr("name.givenName", Kind.STRING, List.of("Barbara", "john", "Test", "Zoë", "Jane")),
            new Attr("name.formatted", Kind.STRING, List.of("Ms. Barbara J Jensen III", "Zoë Ünïcode")),
            new Attr("displayName", Kind.STRING, List.of("Babs Jensen", "John Smith", "test user", "Zoë")),
            new Attr("nickName", Kind.STRING, List.of("Babs", "")),
            new Attr("title", Kind.STRING, List.of("Tour Guide", "manager", "")),
            new Attr("userType", Kind.STRING, List.of("Employee", "contractor")),
            new Attr("locale", Kind.STRING, List.of("en-US", "de-DE", "fr")),
            new Attr("id", Kind.STRING, List.of("a1", "A1", "b2", "2819c223-7f76-453a-919d-413861904646", "c3")),
            new Attr("externalId", Kind.STRING, List.of("bjensen", "BJENSEN", "EXT-c3", "ext-c3", "00ujl29u0le5T6Aj10h7")),
            new Attr("active", Kind.BOOLEAN, List.of("true", "false")),
            new Attr("emails.value", Kind.STRING, List.of("bjensen@example.com", "JSMITH@example.com", "alias@example.com",
                    "t.u@home.example", "nobody@example.com")),
            new Attr("emails.type", Kind.STRING, List.of("work", "home", "other", "WORK")),
            new Attr("emails.primary", Kind.BOOLEAN, List.of("true", "false")),
            new Attr("phoneNumbers.value", Kind.STRING, List.of("555-555-5555", "+49 30 1234567")),
            new Attr("phoneNumbers.type", Kind.STRING, List.of("work", "mobile", "fax")),
            new Attr("addresses.locality", Kind.STRING, List.of("Hollywood", "berlin", "Paris")),
            new Attr("addresses.postalCode", Kind.STRING, List.of("91608", "10115", "75001")),
            new Attr("addresses.country", Kind.STRING, List.of("USA", "de", "FR")),
            new Attr("groups.display", Kind.STRING, List.of("Tour Guides", "admins")),
            new Attr("groups.value", Kind.STRING, List.of("e9e30dba", "g1", "G2")),
            new Attr("roles.value", Kind.STRING, List.of("guide", "GUIDE")),
            new Attr("meta.created", Kind.DATE_TIME, DATES),
            new Attr("meta.lastModified", Kind.DATE_TIME, DATES),
            new Attr("meta.resourceType", Kind.STRING, List.of("User", "user")),
            new Attr(ENT + ":employeeNumber", Kind.STRING, List.of("701984", "12345", "007", "7")),
            new Attr(ENT + ":department", Kind.STRING, List.of("Engineering", "tour operations")),
            new Attr(ENT + ":manager.value", Kind.STRING, List.of("26118915-6090-4610-87e4-49d8ca9f808d",
                    "2819c223-7f76-453a-919d-413861904646")),
            new Attr(ENT + ":manager.displayName", Kind.STRING, List.of("John Smith", "babs jensen")),
            new Attr("emails", Kind.STRING, List.of("bjensen@example.com", "test.user@okta.local", "@example")),
            new Attr("nosuch", Kind.STRING, List.of("x")));

    private static final List<String> VALUE_PATHS = List.of("emails", "phoneNumbers", "addresses", "groups", "roles");

    private final Random random;

    FilterCorpus(long seed) {
        random = new Random(seed);
    }

    List<String> filters(int count) {
        List<String> filters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            filters.add(filter(0));
        }
        return filters;
    }

    String filter(int depth) {
        int choice = random.nextInt(12);
        if (depth < 3 && choice < 2) {
            return group(filter(depth + 1)) + " and " + group(filter(depth + 1));
        }
        if (depth < 3 && choice < 4) {
            return group(filter(depth + 1)) + " or " + group(filter(depth + 1));
        }
        if (depth < 3 && choice == 4) {
            return "not (" + filter(depth + 1) + ")";
        }
        if (choice == 5) {
            return valuePath();
        }
        return comparison(pick(ATTRIBUTES), "");
    }

    private String valuePath() {
        String attribute = pick(VALUE_PATHS);
        String prefix = attribute + ".";
        List<Attr> subs = ATTRIBUTES.stream().filter(a -> a.path.startsWith(prefix)).toList();
        String inner = comparison(pick(subs), prefix);
        if (random.nextBoolean()) {
            inner += (random.nextBoolean() ? " and " : " or ") + comparison(pick(subs), prefix);
        }
        return attribute + "[" + inner + "]";
    }

    private String comparison(Attr attribute, String stripPrefix) {
        String path = attribute.path.substring(stripPrefix.length());
        if (random.nextInt(8) == 0) {
            path = random.nextBoolean() ? path.toUpperCase(Locale.ROOT) : path.toLowerCase(Locale.ROOT);
        }
        if (random.nextInt(10) == 0) {
            return path + " pr";
        }
        if (random.nextInt(25) == 0) {
            return path + (random.nextBoolean() ? " eq" : " ne") + " null";
        }
        return switch (attribute.kind) {
            case BOOLEAN -> path + " " + pick(List.of("eq", "ne", "eq", "ne", "eq", "ne", "eq", "ne", "eq", "gt"))
                    + " " + pick(attribute.values);
            case DATE_TIME -> path + " " + pick(List.of("eq", "ne", "gt", "ge", "lt", "le")) + " \"" + pick(attribute.values) + "\"";
            case STRING -> {
                String op = pick(List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"));
                String value = op.equals("co") || op.equals("sw") || op.equals("ew") && random.nextBoolean()
                        ? pick(FRAGMENTS) : pick(attribute.values);
                yield path + " " + (random.nextInt(10) == 0 ? op.toUpperCase(Locale.ROOT) : op) + " \"" + value + "\"";
            }
        };
    }

    private String group(String filter) {
        return filter.contains(" or ") || filter.contains(" and ") || random.nextInt(6) == 0 ? "(" + filter + ")" : filter;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
