package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the candidates of a failed inclusion proof (A ⊆ B) into a witness: an instance the real
 * validator accepts under A and rejects under B. Candidates made from the specific step that failed
 * come first, then samples of A and a few plain values. Nothing unconfirmed is ever returned.
 */
final class WitnessFinder {
    private static final int MAX_TRIES = 48;
    private static final List<JsonValue> PLAIN = List.of(JsonValue.NULL, new JsonBoolean(false),
            new JsonBoolean(true), new JsonNumber(BigDecimal.ZERO), new JsonNumber(new BigDecimal("0.5")),
            new JsonNumber(BigDecimal.ONE.negate()), new JsonString(""), new JsonString("a"),
            new JsonArray(List.of()), new JsonObject(Map.of()));

    /** A confirmed witness and the reason of the failed step it came from. */
    record Found(JsonValue instance, String reason) {}

    private WitnessFinder() {}

    static Optional<Found> find(SchemaValidator validator, Side accepting, Side rejecting, Outcome outcome) {
        int tries = 0;
        Set<JsonValue> seen = new LinkedHashSet<>();
        for (Outcome.Failure f : outcome.failures) {
            for (JsonValue c : f.candidates()) {
                if (seen.add(c) && tries++ < MAX_TRIES && confirmed(validator, accepting.root(), rejecting.root(), c)) {
                    return Optional.of(new Found(c, f.reason()));
                }
            }
        }
        List<JsonValue> fallback = new ArrayList<>();
        fallback.add(Sampler.sample(accepting, List.of(accepting.root()), 0));
        fallback.addAll(Sampler.hints(List.of(accepting.root())));
        fallback.addAll(PLAIN);
        for (JsonValue c : fallback) {
            if (c != null && seen.add(c) && tries++ < MAX_TRIES && confirmed(validator, accepting.root(), rejecting.root(), c)) {
                return Optional.of(new Found(c, outcome.reason()));
            }
        }
        return Optional.empty();
    }

    /** Accepted by {@code a} and rejected by {@code b}, according to the validator. */
    static boolean confirmed(SchemaValidator validator, JsonValue a, JsonValue b, JsonValue instance) {
        try {
            return validator.valid(a, instance) && !validator.valid(b, instance);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
