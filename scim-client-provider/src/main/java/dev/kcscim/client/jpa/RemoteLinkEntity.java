package dev.kcscim.client.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The link between a Keycloak user or group and its resource on one target (table {@code SCIM_REMOTE_LINK}),
 * with the representation last pushed, which the next update is diffed against.
 */
@Entity
@Table(name = "SCIM_REMOTE_LINK")
public class RemoteLinkEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", nullable = false)
    private String realmId;

    @Column(name = "TARGET_ID", nullable = false)
    private String targetId;

    @Column(name = "RESOURCE_TYPE", nullable = false)
    private String resourceType;

    @Column(name = "LOCAL_ID", nullable = false)
    private String localId;

    @Column(name = "REMOTE_ID", nullable = false)
    private String remoteId;

    @Column(name = "LAST_PUSHED")
    private String lastPushed;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    /** The full sync run that last saw the linked resource on the target (null: none yet). */
    @Column(name = "SYNC_MARK")
    private String syncMark;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getLocalId() { return localId; }
    public void setLocalId(String localId) { this.localId = localId; }
    public String getRemoteId() { return remoteId; }
    public void setRemoteId(String remoteId) { this.remoteId = remoteId; }
    public String getLastPushed() { return lastPushed; }
    public void setLastPushed(String lastPushed) { this.lastPushed = lastPushed; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public String getSyncMark() { return syncMark; }
    public void setSyncMark(String syncMark) { this.syncMark = syncMark; }
}
