package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.JsonFilterEvaluator;
import dev.kcscim.core.path.PatchPath;
import dev.kcscim.core.schema.Mutability;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a SCIM PATCH (RFC 7644 §3.5.2) to a resource in its JSON form, driven by the resource type's
 * schemas. Operations are applied in order and the request is atomic: the result is a new object and
 * the input is never modified, so a failing operation leaves nothing applied ("If a PATCH operation
 * fails, the entire request fails", §3.5.2).
 *
 * <p>Errors are {@link ScimException}s with status 400: {@code invalidPath} for paths the schemas do not
 * define, {@code noTarget} for a value filter that matches nothing on remove or replace and for a
 * path-less remove, {@code mutability} for paths at readOnly attributes and changes to set immutable
 * ones, {@code invalidValue} for values of the wrong type and for removing a required attribute
 * (RFC 7644 §3.12: "A required value was missing").
 *
 * <p>It also accepts what Okta and Entra ID actually send (docs/idp-wire-behaviour.md): op names in any
 * case, booleans as strings, path-less values whose keys are paths or URNs, {@code id}/{@code meta}/
 * {@code schemas} echoed in a path-less value, an array of one for a single-valued complex attribute,
 * {@code ""} or {@code null} to clear, and {@code remove} with a value array.
 */
public final class PatchEngine {

    /** Members a path-less value may echo; the server owns them (Okta sends {"id":"G","displayName":..}). */
    private static final Set<String> ECHOED = Set.of("id", "meta", "schemas");

    private PatchEngine() {
    }

    /** Returns {@code resource} with {@code request} applied; {@code resource} itself is unchanged. */
    public static ObjectNode apply(ObjectNode resource, PatchRequest request, ResourceSchema schema) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(schema, "schema");
        ObjectNode patched = resource.deepCopy();
        TargetResolver resolver = new TargetResolver(schema);
        Mutator mutator = new Mutator(patched, new JsonFilterEvaluator(schema));
        for (PatchOperation operation : request.operations()) {
            if (operation.path() != null && isSchemas(operation.path())) {
                // The engine keeps schemas in step with the extension data (RFC 7643 §3), as for PUT bodies
                continue;
            }
            if (operation.path() == null) {
                applyPathless(operation, resolver, mutator);
            } else {
                applyAt(resolver.resolve(operation.path()), operation, mutator);
            }
        }
        ResourceInvariants.check(resource, patched, schema);
        return patched;
    }

    private static void applyAt(Target target, PatchOperation operation, Mutator mutator) {
        if (target.attribute().mutability() == Mutability.READ_ONLY
                || (target.sub() != null && target.sub().mutability() == Mutability.READ_ONLY)) {
            // RFC 7644 §3.5.2: "a client MUST NOT modify an attribute that has mutability readOnly"
            throw ScimException.mutability("'" + target.text() + "' is readOnly");
        }
        if (operation.op() == PatchOp.REMOVE) {
            mutator.remove(target, operation.value());
        } else {
            mutator.write(target, requireValue(operation), operation.op() == PatchOp.REPLACE);
        }
    }

    /** RFC 7644 §3.5.2.1/§3.5.2.3 without a path: the value is an object of attributes for the resource. */
    private static void applyPathless(PatchOperation operation, TargetResolver resolver, Mutator mutator) {
        if (operation.op() == PatchOp.REMOVE) {
            // RFC 7644 §3.5.2.2: "If path is unspecified, the operation fails with ... noTarget"
            throw ScimException.noTarget("A remove operation needs a path");
        }
        JsonNode value = requireValue(operation);
        if (!value.isObject()) {
            throw ScimException.invalidValue("An " + operation.op().wireValue()
                    + " without a path needs an object of attributes as its value");
        }
        boolean replace = operation.op() == PatchOp.REPLACE;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String key = field.getKey();
            if (ECHOED.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Optional<SchemaDefinition> schema = resolver.declaredSchema(key);
            if (schema.isPresent()) {
                // {"urn:...:enterprise:2.0:User": {"employeeNumber": "1"}}: the keys are that schema's attributes
                if (!field.getValue().isObject()) {
                    throw ScimException.invalidValue("'" + key + "' must be an object of its schema's attributes");
                }
                field.getValue().properties().forEach(inner ->
                        writePathless(resolver.resolveIn(schema.get(), inner.getKey()), inner.getValue(), replace, mutator));
            } else {
                // "name.givenName" and URN-qualified keys land where their path points (Entra, aadOptscim062020)
                writePathless(resolver.resolveKey(key), field.getValue(), replace, mutator);
            }
        }
    }

    private static void writePathless(Target target, JsonNode value, boolean replace, Mutator mutator) {
        if (target.attribute().mutability() == Mutability.READ_ONLY
                || (target.sub() != null && target.sub().mutability() == Mutability.READ_ONLY)) {
            // A body's readOnly values are ignored, as for PUT (RFC 7644 §3.5.1); Okta echoes what it read
            return;
        }
        mutator.write(target, value, replace);
    }

    private static boolean isSchemas(PatchPath path) {
        return path.attribute().schemaUrn() == null && path.attribute().name().equalsIgnoreCase("schemas")
                && path.attribute().subAttribute() == null && path.valueFilter() == null && path.subAttribute() == null;
    }

    private static JsonNode requireValue(PatchOperation operation) {
        if (operation.value() == null) {
            // RFC 7644 §3.5.2.1: "The operation MUST contain a value member"
            throw ScimException.invalidValue("The '" + operation.op().wireValue() + "' operation needs a 'value'");
        }
        return operation.value();
    }
}
