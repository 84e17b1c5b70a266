package dev.kcscim.client.outbox;

/** Row states: waiting (or being retried), delivered (kept for statistics), or dead-lettered. */
public enum OutboxStatus {
    PENDING, DONE, DEAD
}
