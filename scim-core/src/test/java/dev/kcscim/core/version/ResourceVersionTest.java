package dev.kcscim.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceVersionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Stream<Arguments> sameVersion() {
        return Stream.of(
                Arguments.of("member order", "{'id':'1','userName':'a','x':1}", "{'x':1,'userName':'a','id':'1'}"),
                Arguments.of("attribute name case", "{'userName':'a'}", "{'USERNAME':'a'}"),
                Arguments.of("multi-valued order", "{'emails':[{'value':'a'},{'value':'b'}]}",
                        "{'emails':[{'value':'b'},{'value':'a'}]}"),
                Arguments.of("meta.lastModified and meta.version", "{'id':'1','meta':{'created':'c','lastModified':'1','version':'W/\\'x\\''}}",
                        "{'id':'1','meta':{'created':'c','lastModified':'2'}}"),
                Arguments.of("explicit null", "{'id':'1','title':null}", "{'id':'1'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameVersion")
    void ignoresNoise(String why, String a, String b) {
        assertThat(ResourceVersion.of(json(a))).isEqualTo(ResourceVersion.of(json(b)));
    }

    static Stream<Arguments> otherVersion() {
        return Stream.of(
                Arguments.of("value", "{'userName':'a'}", "{'userName':'b'}"),
                Arguments.of("value case", "{'userName':'a'}", "{'userName':'A'}"),
                Arguments.of("added attribute", "{'userName':'a'}", "{'userName':'a','title':'t'}"),
                Arguments.of("type", "{'active':true}", "{'active':'true'}"),
                Arguments.of("meta.created", "{'meta':{'created':'1'}}", "{'meta':{'created':'2'}}"),
                Arguments.of("nested value", "{'name':{'givenName':'a'}}", "{'name':{'givenName':'b'}}"),
                Arguments.of("member added", "{'members':[{'value':'1'}]}", "{'members':[{'value':'1'},{'value':'2'}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherVersion")
    void changesWithAnyVisibleChange(String why, String a, String b) {
        assertThat(ResourceVersion.of(json(a))).isNotEqualTo(ResourceVersion.of(json(b)));
    }

    @org.junit.jupiter.api.Test
    void isAWeakQuotedTag() {
        assertThat(ResourceVersion.of(json("{'id':'1'}"))).matches("W/\"[A-Za-z0-9_-]{22}\"");
    }

    static Stream<Arguments> preconditions() {
        return Stream.of(
                Arguments.of("*", "W/\"abc\"", true),
                Arguments.of("W/\"abc\"", "W/\"abc\"", true),
                Arguments.of("\"abc\"", "W/\"abc\"", true),
                Arguments.of("\"x\", W/\"abc\"", "W/\"abc\"", true),
                Arguments.of("W/\"abd\"", "W/\"abc\"", false),
                Arguments.of("", "W/\"abc\"", false),
                Arguments.of(null, "W/\"abc\"", false));
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @MethodSource("preconditions")
    void matchesIfMatchHeaders(String header, String version, boolean expected) {
        assertThat(ResourceVersion.matches(header, version)).isEqualTo(expected);
    }

    /**
     * The canonical text is what versions are hashed from, so it must not change between releases (an ETag a
     * client holds would stop matching). These inputs pin it to the earlier implementation's exact text.
     */
    static Stream<Arguments> canonicalTexts() {
        return Stream.of(
                Arguments.of("{'b':1,'A':true,'c':'x'}", "{\"a\":true,\"b\":1,\"c\":\"x\"}"),
                Arguments.of("{'id':'1','meta':{'created':'c','lastModified':'l','version':'v','location':'u'}}",
                        "{\"id\":\"1\",\"meta\":{\"created\":\"c\",\"location\":\"u\"}}"),
                Arguments.of("{'x':{'meta':{'version':'v'}}}", "{\"x\":{\"meta\":{\"version\":\"v\"}}}"),
                Arguments.of("{'e':[{'v':'b'},{'v':'a'},null,2,'s']}",
                        "{\"e\":[\"s\",2,null,{\"v\":\"a\"},{\"v\":\"b\"}]}"),
                Arguments.of("{'n':-12345678901234,'d':1.5,'big':123456789012345678901234567890,'t':null}",
                        "{\"big\":123456789012345678901234567890,\"d\":1.5,\"n\":-12345678901234}"),
                Arguments.of("{'s':'q\\'\\\\ \\b\\t\\n\\f\\r \\u0001\\u001f \\u007f é 漢 \\u2028'}",
                        "{\"s\":\"q\\\"\\\\ \\b\\t\\n\\f\\r \\u0001\\u001F \u007f é 漢 \u2028\"}"),
                Arguments.of("{'Ab':1,'aB':2}", "{\"ab\":2}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalTexts")
    void canonicalTextIsStable(String resource, String expected) {
        assertThat(ResourceVersion.canonical(json(resource))).isEqualTo(expected);
    }
}
