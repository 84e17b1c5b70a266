package dev.kcscim.core.filter;

import static dev.kcscim.core.filter.Filter.and;
import static dev.kcscim.core.filter.Filter.co;
import static dev.kcscim.core.filter.Filter.eq;
import static dev.kcscim.core.filter.Filter.ew;
import static dev.kcscim.core.filter.Filter.ge;
import static dev.kcscim.core.filter.Filter.gt;
import static dev.kcscim.core.filter.Filter.le;
import static dev.kcscim.core.filter.Filter.lt;
import static dev.kcscim.core.filter.Filter.ne;
import static dev.kcscim.core.filter.Filter.not;
import static dev.kcscim.core.filter.Filter.or;
import static dev.kcscim.core.filter.Filter.pr;
import static dev.kcscim.core.filter.Filter.sw;
import static dev.kcscim.core.filter.Filter.valuePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.core.path.AttributePath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7644 §3.4.2.2 grammar: each row is filter text and the exact tree it must parse to. */
class FilterParserTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("userName eq \"bjensen\"", eq("userName", "bjensen")),
                Arguments.of("userName ne \"bjensen\"", ne("userName", "bjensen")),
                Arguments.of("name.familyName co \"O'Malley\"", co("name.familyName", "O'Malley")),
                Arguments.of("userName sw \"J\"", sw("userName", "J")),
                Arguments.of("userName ew \"sen\"", ew("userName", "sen")),
                Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\"", gt("meta.lastModified", "2011-05-13T04:42:34Z")),
                Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34Z\"", ge("meta.lastModified", "2011-05-13T04:42:34Z")),
                Arguments.of("meta.lastModified lt \"2011-05-13T04:42:34Z\"", lt("meta.lastModified", "2011-05-13T04:42:34Z")),
                Arguments.of("meta.lastModified le \"2011-05-13T04:42:34Z\"", le("meta.lastModified", "2011-05-13T04:42:34Z")),
                Arguments.of("title pr", pr("title")),
                Arguments.of("userName EQ \"x\"", eq("userName", "x")),
                Arguments.of("userName Eq \"x\"", eq("userName", "x")),
                Arguments.of("title PR", pr("title")),
                Arguments.of("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"), or(co("emails", "example.com"), co("emails.value", "example.org")))),
                Arguments.of(ENT + ":employeeNumber eq \"701984\"", eq(ENT + ":employeeNumber", "701984")),
                Arguments.of(ENT + ":manager.value eq \"26118915\"", eq(ENT + ":manager.value", "26118915")),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"Jensen\"",
                        eq("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName", "Jensen")),
                Arguments.of("  userName  eq  \"x\"  ", eq("userName", "x")),
                Arguments.of("userName\teq\t\"x\"", eq("userName", "x")));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of("a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))),
                Arguments.of("a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))),
                Arguments.of("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                Arguments.of("a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))),
                Arguments.of("a pr and (b pr and c pr)", and(pr("a"), and(pr("b"), pr("c")))),
                Arguments.of("not (a pr) and b pr", and(not(pr("a")), pr("b"))),
                Arguments.of("not (a pr and b pr) or c pr", or(not(and(pr("a"), pr("b"))), pr("c"))),
                Arguments.of("a pr or not (b pr) and c pr", or(pr("a"), and(not(pr("b")), pr("c")))),
                Arguments.of("NOT (a pr) AND b pr OR c pr", or(and(not(pr("a")), pr("b")), pr("c"))),
                Arguments.of("not(a pr)", not(pr("a"))),
                Arguments.of("not (not (a pr))", not(not(pr("a")))),
                Arguments.of("((a pr))", pr("a")),
                Arguments.of("(a pr)or(b pr)", or(pr("a"), pr("b"))),
                Arguments.of("a eq \"x\" and(b pr)", and(eq("a", "x"), pr("b"))),
                Arguments.of("not pr", pr("not")),
                Arguments.of("and pr and or pr", and(pr("and"), pr("or"))));
    }

    static Stream<Arguments> valuePaths() {
        return Stream.of(
                Arguments.of("emails[type eq \"work\"]", valuePath("emails", eq("type", "work"))),
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"]",
                        valuePath("emails", and(eq("type", "work"), co("value", "@example.com")))),
                Arguments.of("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                        or(valuePath("emails", and(eq("type", "work"), co("value", "@example.com"))),
                                valuePath("ims", and(eq("type", "xmpp"), co("value", "@foo.com"))))),
                Arguments.of("members[value eq \"u1\"] and id eq \"g1\"",
                        and(valuePath("members", eq("value", "u1")), eq("id", "g1"))),
                Arguments.of("emails[not (type eq \"work\")]", valuePath("emails", not(eq("type", "work")))),
                Arguments.of("emails[(type eq \"work\" or type eq \"home\") and primary eq true]",
                        valuePath("emails", and(or(eq("type", "work"), eq("type", "home")), eq("primary", true)))),
                Arguments.of("emails[type eq \"work\"].value eq \"a@b.c\"",
                        valuePath("emails", and(eq("type", "work"), eq("value", "a@b.c")))),
                Arguments.of("emails[type eq \"work\"].value pr", valuePath("emails", and(eq("type", "work"), pr("value")))),
                Arguments.of("x509Certificates[value pr]", valuePath("x509Certificates", pr("value"))),
                Arguments.of("addresses[type eq \"work\" and postalCode sw \"91\"]",
                        valuePath("addresses", and(eq("type", "work"), sw("postalCode", "91")))),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"]",
                        valuePath("urn:ietf:params:scim:schemas:core:2.0:User:emails", eq("type", "work"))),
                Arguments.of("emails[ type eq \"work\" ]", valuePath("emails", eq("type", "work"))));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("a eq \"\"", eq("a", "")),
                Arguments.of("a eq \"q\\\"uote\"", eq("a", "q\"uote")),
                Arguments.of("a eq \"back\\\\slash\"", eq("a", "back\\slash")),
                Arguments.of("a eq \"\\/\\b\\f\\n\\r\\t\"", eq("a", "/\b\f\n\r\t")),
                Arguments.of("a eq \"\\u00e9\\u00C9\"", eq("a", "éÉ")),
                Arguments.of("a eq \"\\ud83d\\ude00\"", eq("a", "\uD83D\uDE00")),
                Arguments.of("a eq \"é ) ( ] [ and or\"", eq("a", "é ) ( ] [ and or")),
                Arguments.of("a eq 0", eq("a", 0)),
                Arguments.of("a eq 42", eq("a", 42)),
                Arguments.of("a eq -7", eq("a", -7)),
                Arguments.of("a eq -0", eq("a", 0)),
                Arguments.of("a eq 3000000000", new Compare(AttributePath.of("a"), CompareOp.EQ, LongNode.valueOf(3_000_000_000L))),
                Arguments.of("a eq 99999999999999999999", new Compare(AttributePath.of("a"), CompareOp.EQ,
                        BigIntegerNode.valueOf(new BigInteger("99999999999999999999")))),
                Arguments.of("a eq 1.5", eq("a", new BigDecimal("1.5"))),
                Arguments.of("a eq -0.25", eq("a", new BigDecimal("-0.25"))),
                Arguments.of("a eq 1.50", new Compare(AttributePath.of("a"), CompareOp.EQ, DecimalNode.valueOf(new BigDecimal("1.50")))),
                Arguments.of("a eq 1e3", new Compare(AttributePath.of("a"), CompareOp.EQ, DecimalNode.valueOf(new BigDecimal("1e3")))),
                Arguments.of("a eq 2.5E-3", eq("a", new BigDecimal("0.0025"))),
                Arguments.of("a eq 1E+2", new Compare(AttributePath.of("a"), CompareOp.EQ, DecimalNode.valueOf(new BigDecimal("1E+2")))),
                Arguments.of("a eq true", eq("a", true)),
                Arguments.of("a eq false", eq("a", false)),
                Arguments.of("a eq True", eq("a", true)),
                Arguments.of("a eq FALSE", eq("a", false)),
                Arguments.of("a eq null", eq("a", null)),
                Arguments.of("a ne NULL", ne("a", null)),
                Arguments.of("a gt \"2015-01-01T00:00:00.000+01:00\"", gt("a", "2015-01-01T00:00:00.000+01:00")));
    }

    /** Each row: filter text, expected error position. */
    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", 0),
                Arguments.of("   ", 3),
                Arguments.of("userName", 8),
                Arguments.of("userName eq", 11),
                Arguments.of("userName eq ", 12),
                Arguments.of("userName xx \"a\"", 9),
                Arguments.of("userName eq bjensen", 12),
                Arguments.of("userName eq \"bjensen", 12),
                Arguments.of("userName eq \"a\" and", 16),
                Arguments.of("userName eq \"a\" and ", 20),
                Arguments.of("userName eq \"a\" or", 16),
                Arguments.of("userName eq \"a\" \"b\"", 16),
                Arguments.of("userName eq \"a\"b", 15),
                Arguments.of("(userName pr", 12),
                Arguments.of("userName pr)", 11),
                Arguments.of("()", 1),
                Arguments.of("not userName pr", 4),
                Arguments.of("emails[type eq \"work\"", 21),
                Arguments.of("emails[]", 7),
                Arguments.of("emails[type[value pr] pr]", 11),
                Arguments.of("emails.value[type pr]", 12),
                Arguments.of("emails[type pr].", 16),
                Arguments.of("emails[type pr].value", 21),
                Arguments.of("a eq \"\\x\"", 6),
                Arguments.of("a eq \"\\u12\"", 6),
                Arguments.of("a eq \"\\u12G4\"", 6),
                Arguments.of("a eq \"tab\there\"", 9),
                Arguments.of("a eq 01", 6),
                Arguments.of("a eq 1.", 7),
                Arguments.of("a eq .5", 5),
                Arguments.of("a eq -", 6),
                Arguments.of("a eq 1e", 7),
                Arguments.of("a eq 1.5.2", 8),
                Arguments.of("a eq 1e99999999999", 5),
                Arguments.of("a eq tru", 5),
                Arguments.of("1abc pr", 0),
                Arguments.of("a..b pr", 0),
                Arguments.of("a.b.c pr", 0),
                Arguments.of("urn:x:y: pr", 0),
                Arguments.of(ENT + " pr", 0),
                Arguments.of("a pr and b pr c", 14),
                Arguments.of("a pr ] ", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"operators", "precedence", "valuePaths", "literals"})
    void parsesToTheExpectedTree(String text, Filter expected) {
        assertThat(FilterParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"operators", "precedence", "valuePaths", "literals"})
    void printedFormParsesBackToTheSameTree(String text, Filter expected) {
        Filter parsed = FilterParser.parse(text);
        assertThat(FilterParser.parse(FilterPrinter.print(parsed))).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @MethodSource("invalid")
    void rejectsWithInvalidFilterAndPosition(String text, int position) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(text));
        assertThat(error).as("parse(%s)", text).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_FILTER);
        assertThat(error.detail()).endsWith("at position " + position);
    }
}
