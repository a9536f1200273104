package dev.bluerealm.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Copying helpers shared by the records of this package. */
final class Values {
    private Values() {}

    static List<String> names(String kind, List<String> names) {
        List<String> copy = List.copyOf(Objects.requireNonNull(names, kind + "s"));
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("duplicate " + kind + " in " + copy);
        }
        copy.forEach(n -> Names.require(kind, n));
        return copy;
    }

    static List<String> nonBlank(String what, List<String> values) {
        List<String> copy = List.copyOf(Objects.requireNonNull(values, what));
        for (String v : copy) {
            if (v.isBlank()) {
                throw new IllegalArgumentException(what + " contains a blank entry");
            }
        }
        return copy;
    }

    static String nonBlank(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return value;
    }

    /** An unmodifiable copy that keeps the given order. */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }

    /** An unmodifiable map from the values' names, checking that each key is its value's name. */
    static <V> Map<String, V> byName(String kind, Map<String, V> map, Function<V, String> name) {
        map.forEach((k, v) -> {
            if (!k.equals(name.apply(v))) {
                throw new IllegalArgumentException(kind + " keyed '" + k + "' is named '" + name.apply(v) + "'");
            }
        });
        return ordered(map);
    }
}
