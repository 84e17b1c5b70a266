package dev.kcscim.client.outbox;

/**
 * What an outbox row asks the dispatcher to do. {@code SYNC} is state-based: the current Keycloak state is read
 * at delivery time and diffed against what was last pushed, so several queued syncs of one resource can be
 * delivered as one. Membership rows carry the member's user id in {@code DETAILS} and are keyed by the group,
 * so they are ordered after the group's creation.
 */
public enum Operation {
    SYNC, DELETE, MEMBER_ADD, MEMBER_REMOVE
}
