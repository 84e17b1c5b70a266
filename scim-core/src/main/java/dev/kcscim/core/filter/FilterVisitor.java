package dev.kcscim.core.filter;

/** A backend over the filter tree: one method per node type (printer, evaluators, query translators). */
public interface FilterVisitor<R> {

    R visit(Compare filter);

    R visit(Present filter);

    R visit(And filter);

    R visit(Or filter);

    R visit(Not filter);

    R visit(ValuePathFilter filter);
}
