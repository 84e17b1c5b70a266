package dev.kcscim.server.group;

import dev.kcscim.server.query.Cursor;
import dev.kcscim.server.query.CursorPager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keyset reads of a realm's groups (all levels, organization groups excluded, as
 * {@code searchForGroupByNameStream} lists them) ordered by name then id, for cursor paging (RFC 9865):
 * {@code (name, id) > (:name, :id)}, so a page costs one indexed query at any depth. Names are unique only
 * among siblings, hence the id tie-break.
 */
final class GroupKeyset implements CursorPager.Source<String> {

    private final KeycloakSession session;
    private final RealmModel realm;

    GroupKeyset(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public List<CursorPager.Row<String>> rows(Cursor position, int limit) {
        StringBuilder jpql = new StringBuilder("select g.name, g.id from GroupEntity g where g.realm = :realmId and g.type = :type");
        if (position != null) {
            String cmp = position.backward() ? "<" : ">";
            jpql.append(" and (g.name ").append(cmp).append(" :lastKey or (g.name = :lastKey and g.id ").append(cmp)
                    .append(" :lastId))");
        }
        String direction = position != null && position.backward() ? " desc" : " asc";
        jpql.append(" order by g.name").append(direction).append(", g.id").append(direction);
        TypedQuery<Object[]> query = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery(jpql.toString(), Object[].class)
                .setParameter("realmId", realm.getId())
                .setParameter("type", GroupModel.Type.REALM.intValue())
                .setMaxResults(limit);
        if (position != null) {
            query.setParameter("lastKey", position.key() == null ? "" : position.key()).setParameter("lastId", position.id());
        }
        List<CursorPager.Row<String>> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new CursorPager.Row<>((String) row[0], (String) row[1], (String) row[1]));
        }
        return rows;
    }
}
