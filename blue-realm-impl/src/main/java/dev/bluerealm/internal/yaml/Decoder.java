package dev.bluerealm.internal.yaml;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.LoadError;
import dev.bluerealm.model.Names;
import dev.bluerealm.version.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns {@link YamlNode}s into values while collecting every load error of one file. Each method
 * returns null after recording an error, so a caller reads all fields and builds its record only
 * when the file had no errors.
 */
public final class Decoder {
    private final String file;
    private final List<LoadError> errors = new ArrayList<>();

    public Decoder(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public List<LoadError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void error(YamlNode at, String message) {
        errors.add(new LoadError(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
    }

    public void errors(List<LoadError> more) {
        errors.addAll(more);
    }

    /** The fields of a mapping by key, after checking for unknown and missing keys. */
    public Fields fields(YamlNode node, String what, Set<String> required, Set<String> optional) {
        if (!(node instanceof YamlNode.Mapping)) {
            error(node, "expected " + what + " to be a mapping, found " + describe(node));
            return null;
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, YamlNode.Scalar> keys = new LinkedHashMap<>();
        for (YamlNode.Mapping.Entry e : mapping.entries()) {
            String key = e.key().text();
            if (!required.contains(key) && !optional.contains(key)) {
                error(e.key(), "unknown key '" + key + "' in " + what + "; expected one of " + allowed(required, optional));
                continue;
            }
            values.put(key, e.value());
            keys.put(key, e.key());
        }
        for (String key : required) {
            if (!values.containsKey(key)) {
                error(node, "missing key '" + key + "' in " + what);
            }
        }
        return new Fields(mapping, values, keys);
    }

    private static String allowed(Set<String> required, Set<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return String.join(", ", all);
    }

    /** The mapping's fields; {@code get} returns null for an absent key. */
    public static final class Fields {
        private final YamlNode.Mapping node;
        private final Map<String, YamlNode> values;
        private final Map<String, YamlNode.Scalar> keys;

        Fields(YamlNode.Mapping node, Map<String, YamlNode> values, Map<String, YamlNode.Scalar> keys) {
            this.node = node;
            this.values = values;
            this.keys = keys;
        }

        public YamlNode node() {
            return node;
        }

        public YamlNode get(String key) {
            return values.get(key);
        }

        public boolean has(String key) {
            return values.containsKey(key) && !isNull(values.get(key));
        }

        public YamlNode key(String key) {
            return keys.get(key);
        }
    }

    public static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() == YamlNode.Scalar.Type.NULL
                && ((YamlNode.Scalar) node).text().matches("~|null|Null|NULL|");
    }

    /** Any scalar's text as a string (a plain {@code 1.10} stays "1.10"); null values are errors. */
    public String string(YamlNode node, String field) {
        if (node instanceof YamlNode.Scalar && !isNull(node)) {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            if (s.type() == YamlNode.Scalar.Type.STRING || s.type() == YamlNode.Scalar.Type.INT
                    || s.type() == YamlNode.Scalar.Type.FLOAT) {
                return s.text();
            }
        }
        error(node, "expected '" + field + "' to be a string, found " + describe(node));
        return null;
    }

    /** A string that is absent or null → null without error. */
    public String optionalString(Fields f, String field) {
        return f.has(field) ? string(f.get(field), field) : null;
    }

    public String name(YamlNode node, String kind, String field) {
        String s = string(node, field);
        if (s != null && !Names.isValid(s)) {
            error(node, Names.describe(kind, s));
            return null;
        }
        return s;
    }

    public Version version(YamlNode node, String field) {
        String s = string(node, field);
        if (s == null) {
            return null;
        }
        try {
            return Version.parse(s);
        } catch (IllegalArgumentException e) {
            error(node, "'" + field + "': " + e.getMessage());
            return null;
        }
    }

    public Boolean bool(YamlNode node, String field) {
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() == YamlNode.Scalar.Type.BOOL) {
            return ((YamlNode.Scalar) node).text().equalsIgnoreCase("true");
        }
        error(node, "expected '" + field + "' to be true or false, found " + describe(node));
        return null;
    }

    public Integer integer(YamlNode node, String field, int min, int max) {
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() == YamlNode.Scalar.Type.INT) {
            try {
                int v = Integer.parseInt(((YamlNode.Scalar) node).text().replace("+", ""));
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // out of int range: reported below
            }
            error(node, "expected '" + field + "' between " + min + " and " + max + ", found "
                    + ((YamlNode.Scalar) node).text());
            return null;
        }
        error(node, "expected '" + field + "' to be an integer, found " + describe(node));
        return null;
    }

    /** An ISO-8601 timestamp with offset, e.g. {@code 2026-01-24T10:00:00Z}. */
    public Instant timestamp(YamlNode node, String field) {
        String s = string(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            error(node, "expected '" + field + "' to be a timestamp like 2026-01-24T10:00:00Z, found '" + s + "'");
            return null;
        }
    }

    public <T> List<T> list(YamlNode node, String field, Function<YamlNode, T> item) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence)) {
            error(node, "expected '" + field + "' to be a list, found " + describe(node));
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode n : ((YamlNode.Sequence) node).items()) {
            T t = item.apply(n);
            if (t == null) {
                ok = false;
            } else {
                out.add(t);
            }
        }
        return ok ? out : null;
    }

    public List<String> strings(YamlNode node, String field) {
        return list(node, field, n -> string(n, field + " entry"));
    }

    /** A list of names with duplicates reported. */
    public List<String> names(YamlNode node, String kind, String field) {
        List<String> names = list(node, field, n -> name(n, kind, field + " entry"));
        if (names != null && names.stream().distinct().count() != names.size()) {
            error(node, "'" + field + "' lists a " + kind + " twice: " + names);
            return null;
        }
        return names;
    }

    /** Any YAML value as JSON; YAML-only values (.inf, .nan, non-string keys) are errors. */
    public JsonValue json(YamlNode node, String field) {
        if (node instanceof YamlNode.Mapping) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            boolean ok = true;
            for (YamlNode.Mapping.Entry e : ((YamlNode.Mapping) node).entries()) {
                JsonValue v = json(e.value(), field);
                if (v == null) {
                    ok = false;
                } else {
                    members.put(e.key().text(), v);
                }
            }
            return ok ? new JsonValue.JsonObject(members) : null;
        }
        if (node instanceof YamlNode.Sequence) {
            List<JsonValue> items = new ArrayList<>();
            for (YamlNode n : ((YamlNode.Sequence) node).items()) {
                JsonValue v = json(n, field);
                if (v == null) {
                    return null;
                }
                items.add(v);
            }
            return new JsonValue.JsonArray(items);
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        switch (s.type()) {
            case NULL:
                return JsonValue.NULL;
            case BOOL:
                return JsonValue.bool(s.text().equalsIgnoreCase("true"));
            case INT:
                return new JsonValue.JsonNumber(new BigDecimal(integerText(s.text())));
            case FLOAT:
                if (s.text().toLowerCase().contains("inf") || s.text().toLowerCase().contains("nan")) {
                    error(node, "'" + field + "' holds " + s.text() + ", which JSON cannot represent");
                    return null;
                }
                return new JsonValue.JsonNumber(new BigDecimal(s.text().startsWith(".") ? "0" + s.text()
                        : s.text().replace("-.", "-0.").replace("+.", "0.").replaceFirst("^\\+", "")));
            default:
                return JsonValue.string(s.text());
        }
    }

    private static BigInteger integerText(String text) {
        if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        }
        if (text.startsWith("0o")) {
            return new BigInteger(text.substring(2), 8);
        }
        return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }

    private static String describe(YamlNode node) {
        return node == null ? "nothing" : node.describe();
    }
}
