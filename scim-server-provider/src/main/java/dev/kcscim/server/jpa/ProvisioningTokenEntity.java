package dev.kcscim.server.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One provisioning token of a realm (table {@code KCSCIM_PROVISIONING_TOKEN}). The secret itself is never stored:
 * only its SHA-256 hash (hex), which is unique. {@code createdBy*} name the admin on whose behalf the token acts
 * (admin events of SCIM writes made with it name that admin). {@code organizationId} binds the token to one
 * organization's base URL (changelog-inbound-1.1.0). Times are epoch milliseconds.
 */
@Entity
@Table(name = "KCSCIM_PROVISIONING_TOKEN")
public class ProvisioningTokenEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", nullable = false)
    private String realmId;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "PREFIX", nullable = false)
    private String prefix;

    @Column(name = "SECRET_HASH", nullable = false)
    private String secretHash;

    @Column(name = "SCOPE", nullable = false)
    private String scope;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY_REALM_ID", nullable = false)
    private String createdByRealmId;

    @Column(name = "CREATED_BY_USER_ID", nullable = false)
    private String createdByUserId;

    @Column(name = "CREATED_BY_CLIENT_ID", nullable = false)
    private String createdByClientId;

    @Column(name = "CREATED_BY_USERNAME")
    private String createdByUsername;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    /** The organization whose SCIM base URL the token works on; null for a realm-level token. */
    @Column(name = "ORGANIZATION_ID", length = 36)
    private String organizationId;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getSecretHash() { return secretHash; }
    public void setSecretHash(String secretHash) { this.secretHash = secretHash; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getCreatedByRealmId() { return createdByRealmId; }
    public void setCreatedByRealmId(String createdByRealmId) { this.createdByRealmId = createdByRealmId; }
    public String getCreatedByUserId() { return createdByUserId; }
    public void setCreatedByUserId(String createdByUserId) { this.createdByUserId = createdByUserId; }
    public String getCreatedByClientId() { return createdByClientId; }
    public void setCreatedByClientId(String createdByClientId) { this.createdByClientId = createdByClientId; }
    public String getCreatedByUsername() { return createdByUsername; }
    public void setCreatedByUsername(String createdByUsername) { this.createdByUsername = createdByUsername; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public Long getLastUsedAt() { return lastUsedAt; }
    public void setLastUsedAt(Long lastUsedAt) { this.lastUsedAt = lastUsedAt; }
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String organizationId) { this.organizationId = organizationId; }
}
