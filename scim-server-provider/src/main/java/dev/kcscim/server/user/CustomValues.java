package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.UserModel;

/** Writes the values of a realm's {@link CustomExtension} to their Keycloak user attributes. */
final class CustomValues {

    private CustomValues() {
    }

    /** Sets every mapped attribute from {@code values} (the extension object); absent ones are removed. */
    static void write(UserModel user, CustomExtension custom, JsonNode values) {
        if (values != null && !values.isNull() && !values.isObject()) {
            throw ScimException.invalidValue("'" + custom.schema().id() + "' must be an object");
        }
        for (AttributeDefinition attribute : custom.schema().attributes()) {
            String key = custom.attributes().get(attribute.name());
            List<String> texts = texts(attribute, ScimJson.getIgnoreCase(values, attribute.name()));
            if (texts.isEmpty()) {
                user.removeAttribute(key);
            } else {
                user.setAttribute(key, texts);
            }
        }
    }

    private static List<String> texts(AttributeDefinition attribute, JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isArray()) {
            if (!attribute.multiValued()) {
                throw ScimException.invalidValue("'" + attribute.name() + "' is single-valued");
            }
            value.forEach(element -> add(attribute, element, texts));
        } else {
            add(attribute, value, texts);
        }
        return texts;
    }

    private static void add(AttributeDefinition attribute, JsonNode value, List<String> texts) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return;
        }
        boolean ok = value.isTextual() || (attribute.type() == AttributeType.BOOLEAN && value.isBoolean())
                || ((attribute.type() == AttributeType.INTEGER || attribute.type() == AttributeType.DECIMAL) && value.isNumber());
        if (!ok) {
            throw ScimException.invalidValue("'" + attribute.name() + "' must be a " + attribute.type().wireValue());
        }
        texts.add(value.asText());
    }
}
