package dev.kcscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.Mutability;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine is driven by attribute definitions, not by User: a custom extension defined at runtime gets
 * the same typing (RFC 7643 §2.3), mutability and required checks. Cases are {@code given | op | expect}
 * with {@code X} standing for the extension URN; an expectation {@code !scimType} is an error.
 */
class CustomExtensionPatchTest {

    private static final String URN = "urn:example:params:scim:schemas:extension:acme:2.0:User";
    private static final ResourceSchema SCHEMA = CoreSchemas.USER_RESOURCE.withExtension(new SchemaDefinition(URN,
            "Acme", "Acme user", java.util.List.of(
                    AttributeDefinition.builder("hireDate", AttributeType.DATE_TIME).build(),
                    AttributeDefinition.builder("badge", AttributeType.INTEGER).build(),
                    AttributeDefinition.builder("score", AttributeType.DECIMAL).build(),
                    AttributeDefinition.builder("contractor", AttributeType.BOOLEAN).build(),
                    AttributeDefinition.builder("tags", AttributeType.STRING).multiValued().build(),
                    AttributeDefinition.builder("costCode", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build(),
                    AttributeDefinition.builder("licence", AttributeType.STRING).required().build(),
                    AttributeDefinition.builder("building", AttributeType.COMPLEX).subAttributes(
                            AttributeDefinition.builder("floor", AttributeType.INTEGER).build(),
                            AttributeDefinition.builder("wing", AttributeType.STRING).build()).build())), false);

    @ParameterizedTest(name = "{1} on {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // typing
            "{}                       | {`op`:`add`,`path`:`X:hireDate`,`value`:`2026-11-29T04:33:37Z`} | {`hireDate`:`2026-11-29T04:33:37Z`}",
            "{}                       | {`op`:`add`,`path`:`X:hireDate`,`value`:`2026-11-29T04:33:37`}  | {`hireDate`:`2026-11-29T04:33:37`}",
            "{}                       | {`op`:`add`,`path`:`X:hireDate`,`value`:`yesterday`}            | !invalidValue",
            "{}                       | {`op`:`add`,`path`:`X:badge`,`value`:7}                         | {`badge`:7}",
            "{}                       | {`op`:`add`,`path`:`X:badge`,`value`:7.5}                       | !invalidValue",
            "{}                       | {`op`:`add`,`path`:`X:badge`,`value`:`7`}                       | !invalidValue",
            "{}                       | {`op`:`add`,`path`:`X:score`,`value`:7}                         | {`score`:7}",
            "{}                       | {`op`:`add`,`path`:`X:score`,`value`:0.25}                      | {`score`:0.25}",
            "{}                       | {`op`:`add`,`path`:`X:score`,`value`:true}                      | !invalidValue",
            "{}                       | {`op`:`add`,`path`:`X:contractor`,`value`:`false`}              | {`contractor`:false}",
            "{}                       | {`op`:`add`,`path`:`X:contractor`,`value`:0}                    | !invalidValue",
            // multi-valued simple values: set semantics
            "{`tags`:[`a`]}           | {`op`:`add`,`path`:`X:tags`,`value`:[`a`,`b`]}                  | {`tags`:[`a`,`b`]}",
            "{`tags`:[`a`,`b`]}       | {`op`:`remove`,`path`:`X:tags`,`value`:[`a`]}                   | {`tags`:[`b`]}",
            "{`tags`:[`a`]}           | {`op`:`add`,`path`:`X:tags`,`value`:`c`}                        | {`tags`:[`a`,`c`]}",
            "{`tags`:[`a`]}           | {`op`:`add`,`path`:`X:tags`,`value`:[{`x`:1}]}                  | !invalidValue",
            // complex
            "{}                       | {`op`:`add`,`path`:`X:building.floor`,`value`:3}                | {`building`:{`floor`:3}}",
            "{`building`:{`floor`:3}} | {`op`:`replace`,`path`:`X:building`,`value`:{`wing`:`E`}}       | {`building`:{`floor`:3,`wing`:`E`}}",
            "{`building`:{`floor`:3}} | {`op`:`replace`,`path`:`X:building.floor`,`value`:`3rd`}        | !invalidValue",
            "{`building`:{`floor`:3}} | {`op`:`replace`,`path`:`X:building[floor eq 3]`,`value`:{}}    | !invalidPath",
            // immutable: may be set once, never changed (RFC 7644 §3.5.2)
            "{}                       | {`op`:`add`,`path`:`X:costCode`,`value`:`C1`}                   | {`costCode`:`C1`}",
            "{`costCode`:`C1`}        | {`op`:`replace`,`path`:`X:costCode`,`value`:`C1`}               | {`costCode`:`C1`}",
            "{`costCode`:`C1`}        | {`op`:`replace`,`path`:`X:costCode`,`value`:`C2`}               | !mutability",
            "{`costCode`:`C1`}        | {`op`:`remove`,`path`:`X:costCode`}                             | !mutability",
            // required
            "{`licence`:`L`}          | {`op`:`remove`,`path`:`X:licence`}                              | !invalidValue",
            "{`licence`:`L`}          | {`op`:`replace`,`value`:{`X`:{`licence`:null}}}                 | !invalidValue",
            "{`licence`:`L`}          | {`op`:`replace`,`path`:`licence`,`value`:`M`}                   | {`licence`:`M`}",
            // unknown
            "{}                       | {`op`:`add`,`path`:`X:shoeSize`,`value`:42}                     | !invalidPath",
            "{}                       | {`op`:`add`,`value`:{`X`:{`shoeSize`:42}}}                      | !invalidPath",
    })
    void customExtensionAttributesFollowTheirDefinitions(String given, String operation, String expect) throws Exception {
        ObjectNode resource = user(given);
        PatchRequest request = PatchRequest.parse("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[" + json(operation) + "]}");
        if (expect.startsWith("!")) {
            assertThatThrownBy(() -> PatchEngine.apply(resource, request, SCHEMA))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.scimType().wireValue()).as(e.detail()).isEqualTo(expect.substring(1)));
        } else {
            assertThat(PatchEngine.apply(resource, request, SCHEMA)).isEqualTo(user(expect));
        }
    }

    private static ObjectNode user(String extension) throws Exception {
        ObjectNode user = (ObjectNode) ScimJson.mapper().readTree("{\"userName\":\"b\"}");
        ObjectNode values = (ObjectNode) ScimJson.mapper().readTree(json(extension));
        if (!values.isEmpty()) {
            user.set(URN, values);
        }
        return user;
    }

    private static String json(String text) {
        return text.replace('`', '"').replace("\"X:", "\"" + URN + ":").replace("\"X\"", "\"" + URN + "\"");
    }
}
