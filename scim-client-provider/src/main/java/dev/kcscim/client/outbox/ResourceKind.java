package dev.kcscim.client.outbox;

/** The kind of Keycloak resource an outbox row or remote link is about. */
public enum ResourceKind {
    USER, GROUP
}
