package dev.kcscim.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcscim.core.error.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENT = "{'id':'1','userName':'bob','name':{'givenName':'Bob','formatted':'Bob B'},"
            + "'title':'Dev','active':true,'emails':[{'value':'b@x','primary':true}],'meta':{'version':'1'}}";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"').replace('`', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} keepAbsent={1}")
    @CsvSource(delimiter = '|', value = {
            // editable or readOnly attributes may differ
            "{`userName`:`other`,`name`:{`givenName`:`Rob`,`familyName`:`X`,`formatted`:`Bob B`},`title`:`Dev`,`active`:true,`emails`:[],`id`:`9`,`meta`:{}} | false",
            // absent non-editable attributes are kept (PUT)
            "{`userName`:`bob`} | true",
            // case-insensitive names, boolean as string, empty string equals absent
            "{`TITLE`:`Dev`,`Active`:`True`,`name`:{`givenName`:`B`,`Formatted`:`Bob B`},`nickName`:``} | false"})
    void allowsChangesOfEditableAttributesOnly(String desired, boolean keepAbsent) {
        SelfChanges.requireOnlyEditable(json(CURRENT), json(desired), keepAbsent, "rule");
    }

    @ParameterizedTest(name = "{0} keepAbsent={1}")
    @CsvSource(delimiter = '|', value = {
            "{`userName`:`bob`,`title`:`CEO`} | true | `title`",
            "{`userName`:`bob`,`name`:{`givenName`:`Bob`,`formatted`:`Boss`}} | true | `name.formatted`",
            "{`userName`:`bob`,`active`:false,`title`:`Dev`,`name`:{`formatted`:`Bob B`}} | false | `active`",
            "{`userName`:`bob`,`name`:{`formatted`:`Bob B`},`active`:true} | false | `title`",
            "{`userName`:`bob`,`urn:x:User`:{`a`:`1`}} | true | `urn:x:User`"})
    void refusesAnyOtherChangeWithMutability(String desired, boolean keepAbsent, String named) {
        assertThatThrownBy(() -> SelfChanges.requireOnlyEditable(json(CURRENT), json(desired), keepAbsent, "rule"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType().wireValue()).isEqualTo("mutability");
                    assertThat(e.detail()).startsWith(named.replace('`', '\'') + " cannot be changed through /Me: rule");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null | `` | true", "[] | {} | true", "`a` | `a` | true", "`a` | `A` | false", "true | `TRUE` | true",
            "[{`v`:1}] | [{`v`:1}] | true", "[{`v`:1}] | [{`v`:2}] | false", "[1,2] | [2,1] | false", "{`a`:``} | {} | true"})
    void equivalenceTreatsEveryNoValueFormAlike(String a, String b, boolean equal) {
        assertThat(SelfChanges.equivalent(json(a), json(b))).isEqualTo(equal);
    }
}
