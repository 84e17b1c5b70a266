package dev.kcscim.client.delivery;

import dev.kcscim.client.jpa.RemoteLinkEntity;
import dev.kcscim.client.outbox.ResourceKind;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.UserEntity;

/**
 * The realm's users for phase 2 of a full sync, page by page, each with its state for the target and its link's
 * sync mark. Service accounts are never included (they are never in a target's scope).
 *
 * <ul>
 *   <li>A realm without user-storage providers (all users local): pages are read by key, {@code username > last}
 *       in username order (Keycloak's unique index on realm and username), from Keycloak's JPA {@link UserEntity},
 *       so a page costs the same at any depth (offset paging makes the database skip every earlier row, each
 *       page). The users are then read from the JPA store, not the cache ({@link SnapshotLoader#storedUser}). A user
 *       created or renamed during the run to a name below the key is not seen, as with offset paging; its own
 *       event delivers it.</li>
 *   <li>A realm with a user-storage provider (LDAP, Kerberos, custom): Keycloak's {@code searchForUserStream} with
 *       {@code first}/{@code max}, the only source that includes the provider's users.</li>
 * </ul>
 * The links of a page are read with one query ({@link LinkStore#entities}).
 */
final class UserPages {

    /** One user of a page: its state and, when linked, the run that last saw its account on the target. */
    record Row(Snapshot.State state, String mark) {
    }

    /** The provider type of user-storage components ({@code UserStorageProvider}, not on this module's path). */
    static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

    private final String targetId;
    private final int size;
    private Boolean local;
    private String lastKey;
    private int offset;
    private boolean done;

    /** @param size users per page (at least 1) */
    UserPages(String targetId, int size) {
        this.targetId = targetId;
        this.size = Math.max(1, size);
    }

    /** True once a page shorter than the page size was read: no user is left. */
    boolean done() {
        return done;
    }

    /** Reads the next page in the reader's transaction; empty when none is left. */
    List<Row> next(SyncTarget.Reader r) {
        if (done) {
            return List.of();
        }
        if (local == null) {
            local = r.realm.getComponentsStream(r.realm.getId(), USER_STORAGE).findAny()
                    .isEmpty();
        }
        List<UserModel> users = local ? byKey(r) : byOffset(r);
        Map<String, RemoteLinkEntity> links = LinkStore.entities(r.em, targetId, ResourceKind.USER,
                users.stream().map(UserModel::getId).collect(Collectors.toList()));
        List<Row> rows = new ArrayList<>(users.size());
        for (UserModel user : users) {
            RemoteLinkEntity link = links.get(user.getId());
            Snapshot.State state = SnapshotLoader.userState(r.session, r.realm, r.target(), user, user.getId(),
                    LinkStore.link(link));
            rows.add(new Row(state, link == null ? null : link.getSyncMark()));
        }
        return rows;
    }

    private List<UserModel> byKey(SyncTarget.Reader r) {
        // Keyed on (realm, username), Keycloak's unique index on USER_ENTITY: each page is an index range read,
        // in index order (ordered by both columns: H2 reads an index in order only when the ORDER BY names its
        // leading columns; ordered by username alone it sorted every remaining user of the realm, each page).
        // (Keyed on the id with "service account is null" in the query, H2 chose the service-account index
        // (REALM_ID, SERVICE_ACCOUNT_CLIENT_LINK) and read and sorted the whole realm for every page.)
        // The entities are selected (not only their ids) so that the store's getUserById finds them loaded.
        TypedQuery<UserEntity> page = r.em.createQuery("select u from UserEntity u where u.realmId = :realm"
                        + (lastKey == null ? "" : " and u.username > :last") + " order by u.realmId, u.username",
                        UserEntity.class)
                .setParameter("realm", r.realm.getId());
        List<UserEntity> entities = (lastKey == null ? page : page.setParameter("last", lastKey))
                .setMaxResults(size).getResultList();
        done = entities.size() < size;
        List<UserModel> users = new ArrayList<>(entities.size());
        for (UserEntity entity : entities) {
            lastKey = entity.getUsername();
            if (entity.getServiceAccountClientLink() != null) {
                continue;
            }
            UserModel user = SnapshotLoader.storedUser(r.session, r.realm, entity.getId());
            if (user != null) {
                users.add(user);
            }
        }
        return users;
    }

    private List<UserModel> byOffset(SyncTarget.Reader r) {
        List<UserModel> users = r.session.users().searchForUserStream(r.realm, Map.of(), offset, size)
                .collect(Collectors.toList());
        offset += size;
        done = users.size() < size;
        return users;
    }
}
