package dev.kcscim.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema with every characteristic of RFC 7643 §7. Lists are never null; absent
 * characteristics take the RFC 7643 §2.2 defaults (not multi-valued, not required, caseExact false,
 * readWrite, returned default, uniqueness none). Build instances with {@link #builder(String, AttributeType)}.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        mutability = mutability == null ? Mutability.READ_WRITE : mutability;
        returned = returned == null ? Returned.DEFAULT : returned;
        uniqueness = uniqueness == null ? Uniqueness.NONE : uniqueness;
        canonicalValues = canonicalValues == null ? List.of() : List.copyOf(canonicalValues);
        referenceTypes = referenceTypes == null ? List.of() : List.copyOf(referenceTypes);
        subAttributes = subAttributes == null ? List.of() : List.copyOf(subAttributes);
    }

    /** The sub-attribute named {@code subName}, compared case-insensitively (RFC 7643 §2.1). */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition sub : subAttributes) {
            if (sub.name.equalsIgnoreCase(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** A builder starting from the RFC 7643 §2.2 defaults. */
    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** A builder initialised with every characteristic of this definition. */
    public Builder toBuilder() {
        Builder builder = new Builder(name, type);
        builder.multiValued = multiValued;
        builder.description = description;
        builder.required = required;
        builder.caseExact = caseExact;
        builder.mutability = mutability;
        builder.returned = returned;
        builder.uniqueness = uniqueness;
        builder.canonicalValues = new ArrayList<>(canonicalValues);
        builder.referenceTypes = new ArrayList<>(referenceTypes);
        builder.subAttributes = new ArrayList<>(subAttributes);
        return builder;
    }

    /** Mutable builder for {@link AttributeDefinition}. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = new ArrayList<>();
        private List<String> referenceTypes = new ArrayList<>();
        private List<AttributeDefinition> subAttributes = new ArrayList<>();

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder multiValued(boolean value) {
            multiValued = value;
            return this;
        }

        public Builder multiValued() {
            return multiValued(true);
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder required(boolean value) {
            required = value;
            return this;
        }

        public Builder required() {
            return required(true);
        }

        public Builder caseExact(boolean value) {
            caseExact = value;
            return this;
        }

        public Builder caseExact() {
            return caseExact(true);
        }

        public Builder mutability(Mutability value) {
            mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            uniqueness = value;
            return this;
        }

        public Builder canonicalValues(String... values) {
            return canonicalValues(Arrays.asList(values));
        }

        public Builder canonicalValues(List<String> values) {
            canonicalValues = new ArrayList<>(values);
            return this;
        }

        public Builder referenceTypes(String... values) {
            return referenceTypes(Arrays.asList(values));
        }

        public Builder referenceTypes(List<String> values) {
            referenceTypes = new ArrayList<>(values);
            return this;
        }

        public Builder subAttributes(AttributeDefinition... values) {
            return subAttributes(Arrays.asList(values));
        }

        public Builder subAttributes(List<AttributeDefinition> values) {
            subAttributes = new ArrayList<>(values);
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact, mutability,
                    returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
