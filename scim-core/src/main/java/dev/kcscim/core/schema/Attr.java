package dev.kcscim.core.schema;

/** Short builders for the RFC 7643 §8.7 schema tables in {@link CoreSchemas}. */
final class Attr {

    private Attr() {
    }

    static AttributeDefinition.Builder string(String name, String description) {
        return AttributeDefinition.builder(name, AttributeType.STRING).description(description);
    }

    static AttributeDefinition.Builder bool(String name, String description) {
        return AttributeDefinition.builder(name, AttributeType.BOOLEAN).description(description);
    }

    static AttributeDefinition.Builder dateTime(String name, String description) {
        return AttributeDefinition.builder(name, AttributeType.DATE_TIME).description(description);
    }

    static AttributeDefinition.Builder reference(String name, String description, String... referenceTypes) {
        return AttributeDefinition.builder(name, AttributeType.REFERENCE).description(description)
                .referenceTypes(referenceTypes);
    }

    static AttributeDefinition.Builder binary(String name, String description) {
        return AttributeDefinition.builder(name, AttributeType.BINARY).description(description);
    }

    static AttributeDefinition.Builder complex(String name, String description, AttributeDefinition... subs) {
        return AttributeDefinition.builder(name, AttributeType.COMPLEX).description(description).subAttributes(subs);
    }

    /**
     * The multi-valued complex attribute pattern of RFC 7643 §2.4 with {@code value}, {@code display},
     * {@code type} (with the given canonical values) and {@code primary}.
     */
    static AttributeDefinition multiValuedComplex(String name, String description, AttributeDefinition value,
            String... types) {
        return complex(name, description,
                value,
                string("display", "A human-readable name, primarily used for display purposes.").build(),
                string("type", "A label indicating the attribute's function.").canonicalValues(types).build(),
                bool("primary", "A Boolean value indicating the 'primary' or preferred attribute value for this"
                        + " attribute. The primary attribute value 'true' MUST appear no more than once.").build())
                .multiValued().build();
    }
}
