package dev.kcscim.server.query;

import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.filter.And;
import dev.kcscim.core.filter.Compare;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.path.AttributePath;
import java.util.ArrayList;
import java.util.List;

/** Helpers for splitting a filter into the terms of its top-level {@code and} chain. */
public final class Conjuncts {

    private Conjuncts() {
    }

    /** {@code a and (b and c)} gives [a, b, c]; any other filter gives itself. */
    public static List<Filter> of(Filter filter) {
        List<Filter> terms = new ArrayList<>();
        collect(filter, terms);
        return terms;
    }

    private static void collect(Filter filter, List<Filter> terms) {
        if (filter instanceof And) {
            collect(((And) filter).left(), terms);
            collect(((And) filter).right(), terms);
        } else {
            terms.add(filter);
        }
    }

    /** True when {@code compare}'s path is {@code name[.sub]} of the core schema {@code coreUrn} (or unqualified). */
    public static boolean isPath(Compare compare, String coreUrn, String name, String sub) {
        AttributePath path = compare.path();
        boolean schemaOk = path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(coreUrn);
        boolean subOk = sub == null ? path.subAttribute() == null : sub.equalsIgnoreCase(path.subAttribute());
        return schemaOk && path.name().equalsIgnoreCase(name) && subOk;
    }

    /** As {@link #isPath(Compare, String, String, String)} for the User core schema. */
    public static boolean isUserPath(Compare compare, String name, String sub) {
        return isPath(compare, ScimConstants.SCHEMA_USER, name, sub);
    }
}
