package dev.kcscim.core.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.ScimConstants;
import java.util.List;

/**
 * A User (RFC 7643 §4.1) with the Enterprise User extension (§4.3) under its URN. {@code password} is
 * write-only: it is read from requests but the providers must never return it (returned "never").
 * List accessors return an empty list for an absent attribute; the JSON keeps absent and empty apart.
 */
public final class UserResource extends ScimResource {

    private String userName;
    private Name name;
    private String displayName;
    private String nickName;
    private String profileUrl;
    private String title;
    private String userType;
    private String preferredLanguage;
    private String locale;
    private String timezone;
    private Boolean active;
    private String password;
    private List<Email> emails;
    private List<PhoneNumber> phoneNumbers;
    private List<InstantMessaging> ims;
    private List<Photo> photos;
    private List<Address> addresses;
    private List<GroupMembership> groups;
    private List<Entitlement> entitlements;
    private List<Role> roles;
    private List<X509Certificate> x509Certificates;
    @JsonProperty(ScimConstants.SCHEMA_ENTERPRISE_USER)
    private EnterpriseUser enterpriseUser;

    private UserResource() {
    }

    public String userName() {
        return userName;
    }

    public Name name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public String nickName() {
        return nickName;
    }

    public String profileUrl() {
        return profileUrl;
    }

    public String title() {
        return title;
    }

    public String userType() {
        return userType;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public String locale() {
        return locale;
    }

    public String timezone() {
        return timezone;
    }

    public Boolean active() {
        return active;
    }

    public String password() {
        return password;
    }

    public List<Email> emails() {
        return emails == null ? List.of() : emails;
    }

    public List<PhoneNumber> phoneNumbers() {
        return phoneNumbers == null ? List.of() : phoneNumbers;
    }

    public List<InstantMessaging> ims() {
        return ims == null ? List.of() : ims;
    }

    public List<Photo> photos() {
        return photos == null ? List.of() : photos;
    }

    public List<Address> addresses() {
        return addresses == null ? List.of() : addresses;
    }

    public List<GroupMembership> groups() {
        return groups == null ? List.of() : groups;
    }

    public List<Entitlement> entitlements() {
        return entitlements == null ? List.of() : entitlements;
    }

    public List<Role> roles() {
        return roles == null ? List.of() : roles;
    }

    public List<X509Certificate> x509Certificates() {
        return x509Certificates == null ? List.of() : x509Certificates;
    }

    /** The Enterprise User extension, or null when the resource has none. */
    public EnterpriseUser enterpriseUser() {
        return enterpriseUser;
    }

    public static UserResource fromJson(JsonNode json) {
        return ScimResource.fromJson(json, UserResource.class);
    }

    /** A builder with {@code schemas} preset to the core User schema. */
    public static Builder builder() {
        return new Builder().schemas(List.of(ScimConstants.SCHEMA_USER));
    }

    /** Builder for {@link UserResource}; list setters copy their argument. */
    public static final class Builder extends ScimResource.Builder<UserResource, Builder> {
        private Builder() {
            super(new UserResource());
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder userName(String value) {
            resource.userName = value;
            return this;
        }

        public Builder name(Name value) {
            resource.name = value;
            return this;
        }

        public Builder displayName(String value) {
            resource.displayName = value;
            return this;
        }

        public Builder nickName(String value) {
            resource.nickName = value;
            return this;
        }

        public Builder profileUrl(String value) {
            resource.profileUrl = value;
            return this;
        }

        public Builder title(String value) {
            resource.title = value;
            return this;
        }

        public Builder userType(String value) {
            resource.userType = value;
            return this;
        }

        public Builder preferredLanguage(String value) {
            resource.preferredLanguage = value;
            return this;
        }

        public Builder locale(String value) {
            resource.locale = value;
            return this;
        }

        public Builder timezone(String value) {
            resource.timezone = value;
            return this;
        }

        public Builder active(Boolean value) {
            resource.active = value;
            return this;
        }

        public Builder password(String value) {
            resource.password = value;
            return this;
        }

        public Builder emails(List<Email> value) {
            resource.emails = List.copyOf(value);
            return this;
        }

        public Builder phoneNumbers(List<PhoneNumber> value) {
            resource.phoneNumbers = List.copyOf(value);
            return this;
        }

        public Builder ims(List<InstantMessaging> value) {
            resource.ims = List.copyOf(value);
            return this;
        }

        public Builder photos(List<Photo> value) {
            resource.photos = List.copyOf(value);
            return this;
        }

        public Builder addresses(List<Address> value) {
            resource.addresses = List.copyOf(value);
            return this;
        }

        public Builder groups(List<GroupMembership> value) {
            resource.groups = List.copyOf(value);
            return this;
        }

        public Builder entitlements(List<Entitlement> value) {
            resource.entitlements = List.copyOf(value);
            return this;
        }

        public Builder roles(List<Role> value) {
            resource.roles = List.copyOf(value);
            return this;
        }

        public Builder x509Certificates(List<X509Certificate> value) {
            resource.x509Certificates = List.copyOf(value);
            return this;
        }

        /** Sets the extension and adds its URN to {@code schemas}. */
        public Builder enterpriseUser(EnterpriseUser value) {
            resource.enterpriseUser = value;
            if (value != null && !resource.schemas().contains(ScimConstants.SCHEMA_ENTERPRISE_USER)) {
                List<String> schemas = new java.util.ArrayList<>(resource.schemas());
                schemas.add(ScimConstants.SCHEMA_ENTERPRISE_USER);
                resource.schemas = List.copyOf(schemas);
            }
            return this;
        }
    }
}
