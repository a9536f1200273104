package dev.bluerealm.internal.hooks;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Contract;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a validation hook is told: written as JSON on its stdin
 * ({@code {"contract", "domain", "version", "value", "schema"}}) and, the first three, as
 * {@code BLUE_CONTRACT}, {@code BLUE_DOMAIN}, {@code BLUE_VERSION} in its environment.
 */
public record HookInput(String contract, String domain, String version, JsonValue value, JsonValue schema) {
    public HookInput {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(schema, "schema");
    }

    /** The input for {@code contract} of {@code domain}, at the contract's own version, value and schema. */
    public static HookInput of(String domain, Contract contract) {
        return new HookInput(contract.name(), domain, contract.version().toString(), contract.value(), contract.schema());
    }

    /** The stdin document. */
    public JsonValue toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("contract", JsonValue.string(contract));
        m.put("domain", JsonValue.string(domain));
        m.put("version", JsonValue.string(version));
        m.put("value", value);
        m.put("schema", schema);
        return new JsonValue.JsonObject(m);
    }
}
