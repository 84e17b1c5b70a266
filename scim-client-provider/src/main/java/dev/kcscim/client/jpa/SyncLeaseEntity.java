package dev.kcscim.client.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The full-sync lease of one target (table {@code SCIM_SYNC_LEASE}): the node holding it, until when. Taken by a
 * conditional UPDATE ({@code LEASE_UNTIL < now}) or by inserting the row (primary key), so in a cluster exactly
 * one node runs a given target's sync; a node that dies loses the lease when it runs out.
 */
@Entity
@Table(name = "SCIM_SYNC_LEASE")
public class SyncLeaseEntity {

    @Id
    @Column(name = "TARGET_ID", length = 36)
    private String targetId;

    @Column(name = "LEASE_OWNER")
    private String leaseOwner;

    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;

    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(long leaseUntil) { this.leaseUntil = leaseUntil; }
}
