package dev.kcscim.client.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One full sync of one target (table {@code SCIM_SYNC_RUN}): queued by the admin API or the schedule, run by one
 * node at a time under the target's {@link SyncLeaseEntity lease}, with its progress and drift report as JSON.
 * The last runs of each target are kept. Times are epoch milliseconds.
 */
@Entity
@Table(name = "SCIM_SYNC_RUN")
public class SyncRunEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", nullable = false)
    private String realmId;

    @Column(name = "TARGET_ID", nullable = false)
    private String targetId;

    @Column(name = "TRIGGER_TYPE", nullable = false)
    private String trigger;

    @Column(name = "STATUS", nullable = false)
    private String status;

    @Column(name = "PHASE")
    private String phase;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "STARTED_AT")
    private Long startedAt;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    @Column(name = "NODE")
    private String node;

    @Column(name = "REPORT")
    private String report;

    @Column(name = "ERROR")
    private String error;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public String getTrigger() { return trigger; }
    public void setTrigger(String trigger) { this.trigger = trigger; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getStartedAt() { return startedAt; }
    public void setStartedAt(Long startedAt) { this.startedAt = startedAt; }
    public Long getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Long finishedAt) { this.finishedAt = finishedAt; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public String getReport() { return report; }
    public void setReport(String report) { this.report = report; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
}
