package dev.kcscim.core;

/** Schema URNs, media type and endpoint names defined by RFC 7643 and RFC 7644. */
public final class ScimConstants {

    /** RFC 7644 §8.1: the SCIM media type. */
    public static final String MEDIA_TYPE = "application/scim+json";

    public static final String SCHEMA_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String SCHEMA_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String SCHEMA_ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String SCHEMA_SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public static final String SCHEMA_RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    public static final String MESSAGE_LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String MESSAGE_SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    public static final String MESSAGE_PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String MESSAGE_BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String MESSAGE_BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    public static final String MESSAGE_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static final String ENDPOINT_USERS = "Users";
    public static final String ENDPOINT_GROUPS = "Groups";
    public static final String ENDPOINT_SERVICE_PROVIDER_CONFIG = "ServiceProviderConfig";
    public static final String ENDPOINT_RESOURCE_TYPES = "ResourceTypes";
    public static final String ENDPOINT_SCHEMAS = "Schemas";
    public static final String ENDPOINT_BULK = "Bulk";
    public static final String ENDPOINT_ME = "Me";

    private ScimConstants() {
    }
}
