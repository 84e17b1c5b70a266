package dev.kcscim.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.ScimConstants;
import java.util.List;

/** A Group (RFC 7643 §4.2): {@code displayName} and {@code members}. */
public final class GroupResource extends ScimResource {

    private String displayName;
    private List<Member> members;

    private GroupResource() {
    }

    public String displayName() {
        return displayName;
    }

    /** The members; empty when the resource had none or omitted them (e.g. excludedAttributes=members). */
    public List<Member> members() {
        return members == null ? List.of() : members;
    }

    public static GroupResource fromJson(JsonNode json) {
        return ScimResource.fromJson(json, GroupResource.class);
    }

    /** A builder with {@code schemas} preset to the core Group schema. */
    public static Builder builder() {
        return new Builder().schemas(List.of(ScimConstants.SCHEMA_GROUP));
    }

    /** Builder for {@link GroupResource}. */
    public static final class Builder extends ScimResource.Builder<GroupResource, Builder> {
        private Builder() {
            super(new GroupResource());
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder displayName(String value) {
            resource.displayName = value;
            return this;
        }

        public Builder members(List<Member> value) {
            resource.members = List.copyOf(value);
            return this;
        }
    }
}
