package dev.kcscim.server.user;

import dev.kcscim.server.query.Cursor;
import dev.kcscim.server.query.CursorPager;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keyset reads of a realm's local users in Keycloak's own order (username, which is unique per realm), for
 * cursor paging (RFC 9865): {@code username > :last} on the {@code USER_ENTITY} index, so a page costs the
 * same at any depth and inserts or deletes elsewhere never shift it. Used when every filter term was pushed
 * down exactly ({@link UserPushDown}) to keys this class can express with the same semantics as Keycloak's
 * {@code JpaUserProvider}, and the realm has no user federation (whose users are not in these tables).
 */
final class UserKeyset implements CursorPager.Source<String> {

    private static final Set<String> COLUMNS = Set.of(UserModel.INCLUDE_SERVICE_ACCOUNT, UserModel.EXACT,
            UserModel.USERNAME, UserModel.FIRST_NAME, UserModel.LAST_NAME, UserModel.EMAIL, UserModel.ENABLED,
            UserModel.CREATED_AFTER, UserModel.CREATED_BEFORE);
    /** The provider type of user federation components (LDAP, Kerberos, custom user storage). */
    private static final String USER_STORAGE_SPI = "org.keycloak.storage.UserStorageProvider";
    /** Attribute values longer than this are stored hashed by Keycloak; such filters are not keyset-read. */
    private static final int MAX_ATTRIBUTE_VALUE = 255;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Map<String, String> params;
    private String memberOf;

    UserKeyset(KeycloakSession session, RealmModel realm, Map<String, String> params) {
        this.session = session;
        this.realm = realm;
        this.params = params;
    }

    /** Whether the pushed-down {@code params} can be read by keyset in this realm. */
    static boolean supports(RealmModel realm, Map<String, String> params) {
        boolean federated = realm.getComponentsStream(realm.getId(), USER_STORAGE_SPI).findAny().isPresent();
        if (federated || !"true".equals(params.getOrDefault(UserModel.EXACT, "true"))) {
            return false;
        }
        return params.entrySet().stream().allMatch(e -> COLUMNS.contains(e.getKey())
                || (!e.getKey().startsWith("keycloak.session.") && e.getValue().length() <= MAX_ATTRIBUTE_VALUE));
    }

    /**
     * As {@link #UserKeyset(KeycloakSession, RealmModel, Map)}, restricted to the direct members of the group with id
     * {@code memberOf} (an organization's membership group) by a join on Keycloak's {@code USER_GROUP_MEMBERSHIP}
     * table; null for no restriction.
     */
    UserKeyset(KeycloakSession session, RealmModel realm, Map<String, String> params, String memberOf) {
        this(session, realm, params);
        this.memberOf = memberOf;
    }

    @Override
    public List<CursorPager.Row<String>> rows(Cursor position, int limit) {
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder jpql = where("select u.username, u.id", values);
        if (position != null) {
            String cmp = position.backward() ? "<" : ">";
            jpql.append(" and (u.username ").append(cmp).append(" :lastKey or (u.username = :lastKey and u.id ")
                    .append(cmp).append(" :lastId))");
            values.put("lastKey", position.key() == null ? "" : position.key());
            values.put("lastId", position.id());
        }
        String direction = position != null && position.backward() ? " desc" : " asc";
        jpql.append(" order by u.username").append(direction).append(", u.id").append(direction);
        return read(jpql, values, 0, limit);
    }

    /** The {@code limit} matches from offset {@code first} in username order (offset paging, RFC 7644 §3.4.2.4). */
    List<String> ids(int first, int limit) {
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder jpql = where("select u.username, u.id", values).append(" order by u.username, u.id");
        return read(jpql, values, first, limit).stream().map(CursorPager.Row::item).toList();
    }

    /** How many users match, for {@code totalResults}. */
    long count() {
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder jpql = where("select count(u)", values);
        TypedQuery<Long> query = entityManager().createQuery(jpql.toString(), Long.class);
        values.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private List<CursorPager.Row<String>> read(StringBuilder jpql, Map<String, Object> values, int first, int limit) {
        TypedQuery<Object[]> query = entityManager().createQuery(jpql.toString(), Object[].class)
                .setFirstResult(first).setMaxResults(limit);
        values.forEach(query::setParameter);
        List<CursorPager.Row<String>> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new CursorPager.Row<>((String) row[0], (String) row[1], (String) row[1]));
        }
        return rows;
    }

    private EntityManager entityManager() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private StringBuilder where(String select, Map<String, Object> values) {
        StringBuilder jpql = new StringBuilder(select).append(" from UserEntity u where u.realmId = :realmId");
        values.put("realmId", realm.getId());
        if (memberOf != null) {
            jpql.append(" and exists (select m.groupId from UserGroupMembershipEntity m where m.user = u"
                    + " and m.groupId = :memberOf)");
            values.put("memberOf", memberOf);
        }
        int attribute = 0;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String value = param.getValue();
            switch (param.getKey()) {
                case UserModel.EXACT:
                    break;
                case UserModel.INCLUDE_SERVICE_ACCOUNT:
                    if (!Boolean.parseBoolean(value)) {
                        jpql.append(" and u.serviceAccountClientLink is null");
                    }
                    break;
                case UserModel.USERNAME:
                    jpql.append(" and u.username = :username");
                    values.put("username", value.toLowerCase(Locale.ROOT));
                    break;
                case UserModel.EMAIL:
                    jpql.append(" and u.email = :email");
                    values.put("email", value.toLowerCase(Locale.ROOT));
                    break;
                case UserModel.FIRST_NAME:
                    jpql.append(" and lower(u.firstName) = :firstName");
                    values.put("firstName", value.toLowerCase(Locale.ROOT));
                    break;
                case UserModel.LAST_NAME:
                    jpql.append(" and lower(u.lastName) = :lastName");
                    values.put("lastName", value.toLowerCase(Locale.ROOT));
                    break;
                case UserModel.ENABLED:
                    jpql.append(" and u.enabled = :enabled");
                    values.put("enabled", Boolean.parseBoolean(value));
                    break;
                case UserModel.CREATED_AFTER:
                    jpql.append(" and u.createdTimestamp >= :createdAfter");
                    values.put("createdAfter", Long.parseLong(value));
                    break;
                case UserModel.CREATED_BEFORE:
                    jpql.append(" and u.createdTimestamp <= :createdBefore");
                    values.put("createdBefore", Long.parseLong(value));
                    break;
                default:
                    // as JpaUserProvider with EXACT: attribute name equal, value equal ignoring case
                    String n = "an" + attribute;
                    String v = "av" + attribute++;
                    jpql.append(" and exists (select a.id from UserAttributeEntity a where a.user = u and a.name = :")
                            .append(n).append(" and lower(a.value) = :").append(v).append(')');
                    values.put(n, param.getKey());
                    values.put(v, value.toLowerCase(Locale.ROOT));
            }
        }
        return jpql;
    }
}
