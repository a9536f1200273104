package dev.bluerealm.internal.extract;

import dev.bluerealm.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A contract's value as its markers spell it, and what is wrong with them. When there are
 * problems the value holds what could be read (markers with problems are left out).
 */
public record Assembly(JsonValue value, List<Problem> problems) {
    public Assembly {
        Objects.requireNonNull(value, "value");
        problems = List.copyOf(problems);
    }

    /** True when no marker had a problem. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
