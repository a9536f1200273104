package dev.bluerealm.internal.schema;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an instance is valid under a schema, for the vocabulary the comparator handles,
 * without compiling anything: {@code TRUE}/{@code FALSE} only when certain, {@code UNKNOWN} otherwise
 * (opaque keywords it does not evaluate, numbers too precise to be sure the validator compares them
 * the same way). Patterns go through the validator's own regular-expression factory. The comparator
 * relies on it to prove enum members are accepted; witnesses are still confirmed by the validator.
 */
final class Evaluator {
    private static final int MAX_DEPTH = 200;
    /** Beyond this many significant digits the validator might compare numbers as doubles. */
    private static final int SAFE_PRECISION = 15;
    private static final Map<String, RegularExpression> REGEX = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RegularExpression> eldest) {
                    return size() > 512;
                }
            });

    private Evaluator() {}

    /** Is {@code x} in the conjunction (its types, and every part)? */
    static Tri member(Conj c, JsonValue x) {
        if (c.empty || !c.types.contains(JType.of(x))) {
            return Tri.FALSE;
        }
        return all(c.side, c.parts, x);
    }

    /** Is {@code x} valid under every schema of {@code schemas}? */
    static Tri all(Side side, List<JsonValue> schemas, JsonValue x) {
        if (side.unsupported() != null) {
            return Tri.UNKNOWN;
        }
        Tri r = Tri.TRUE;
        for (JsonValue s : schemas) {
            r = r.and(eval(side, s, x, 0));
            if (r == Tri.FALSE) {
                return r;
            }
        }
        return r;
    }

    static boolean matches(String pattern, String s) {
        RegularExpression re = REGEX.computeIfAbsent(pattern,
                p -> JDKRegularExpressionFactory.getInstance().getRegularExpression(p));
        return re.matches(s);
    }

    private static Tri eval(Side side, JsonValue schema, JsonValue x, int depth) {
        if (schema instanceof JsonBoolean b) {
            return Tri.of(b.value());
        }
        if (!(schema instanceof JsonObject o) || depth > MAX_DEPTH) {
            return Tri.UNKNOWN;
        }
        Tri r = Tri.TRUE;
        boolean objectDone = false;
        boolean arrayDone = false;
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            String k = e.getKey();
            JsonValue v = e.getValue();
            Tri t;
            switch (k) {
                case "properties", "patternProperties", "additionalProperties" -> {
                    if (objectDone) {
                        continue;
                    }
                    objectDone = true;
                    t = properties(side, o, x, depth);
                }
                case "prefixItems", "items" -> {
                    if (arrayDone) {
                        continue;
                    }
                    arrayDone = true;
                    t = items(side, o, x, depth);
                }
                default -> t = keyword(side, o, k, v, x, depth);
            }
            r = r.and(t);
            if (r == Tri.FALSE) {
                return r;
            }
        }
        return r;
    }

    private static Tri keyword(Side side, JsonObject o, String k, JsonValue v, JsonValue x, int depth) {
        switch (k) {
            case "type":
                return type(v, x);
            case "enum":
                return Tri.of(((JsonArray) v).items().contains(x));
            case "const":
                return Tri.of(v.equals(x));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                return x instanceof JsonNumber n ? bound(k, ((JsonNumber) v).value(), n.value()) : Tri.TRUE;
            case "multipleOf":
                return x instanceof JsonNumber n ? multipleOf(((JsonNumber) v).value(), n.value()) : Tri.TRUE;
            case "minLength", "maxLength":
                if (x instanceof JsonString s) {
                    long len = s.value().codePointCount(0, s.value().length());
                    long limit = limit(v);
                    return Tri.of(k.equals("minLength") ? len >= limit : len <= limit);
                }
                return Tri.TRUE;
            case "pattern":
                return x instanceof JsonString s ? Tri.of(matches(((JsonString) v).value(), s.value())) : Tri.TRUE;
            case "minItems", "maxItems":
                if (x instanceof JsonArray a) {
                    return Tri.of(k.equals("minItems") ? a.items().size() >= limit(v) : a.items().size() <= limit(v));
                }
                return Tri.TRUE;
            case "uniqueItems":
                if (x instanceof JsonArray a && v instanceof JsonBoolean b && b.value()) {
                    return Tri.of(new HashSet<>(a.items()).size() == a.items().size());
                }
                return Tri.TRUE;
            case "contains":
                return contains(side, o, x, depth);
            case "minContains", "maxContains":
                return o.get("contains") != null || !(x instanceof JsonArray) ? Tri.TRUE : Tri.UNKNOWN;
            case "required":
                if (x instanceof JsonObject obj) {
                    for (JsonValue name : ((JsonArray) v).items()) {
                        if (obj.get(((JsonString) name).value()) == null) {
                            return Tri.FALSE;
                        }
                    }
                }
                return Tri.TRUE;
            case "minProperties", "maxProperties":
                if (x instanceof JsonObject obj) {
                    int n = obj.members().size();
                    return Tri.of(k.equals("minProperties") ? n >= limit(v) : n <= limit(v));
                }
                return Tri.TRUE;
            case "dependentRequired":
                if (x instanceof JsonObject obj) {
                    for (Map.Entry<String, JsonValue> d : ((JsonObject) v).members().entrySet()) {
                        if (obj.get(d.getKey()) != null) {
                            for (JsonValue name : ((JsonArray) d.getValue()).items()) {
                                if (obj.get(((JsonString) name).value()) == null) {
                                    return Tri.FALSE;
                                }
                            }
                        }
                    }
                }
                return Tri.TRUE;
            case "dependentSchemas":
                if (x instanceof JsonObject obj) {
                    Tri r = Tri.TRUE;
                    for (Map.Entry<String, JsonValue> d : ((JsonObject) v).members().entrySet()) {
                        if (obj.get(d.getKey()) != null) {
                            r = r.and(eval(side, d.getValue(), x, depth + 1));
                        }
                    }
                    return r;
                }
                return Tri.TRUE;
            case "propertyNames":
                if (x instanceof JsonObject obj) {
                    Tri r = Tri.TRUE;
                    for (String name : obj.members().keySet()) {
                        r = r.and(eval(side, v, new JsonString(name), depth + 1));
                    }
                    return r;
                }
                return Tri.TRUE;
            case "allOf": {
                Tri r = Tri.TRUE;
                for (JsonValue s : ((JsonArray) v).items()) {
                    r = r.and(eval(side, s, x, depth + 1));
                    if (r == Tri.FALSE) {
                        return r;
                    }
                }
                return r;
            }
            case "anyOf": {
                Tri r = Tri.FALSE;
                for (JsonValue s : ((JsonArray) v).items()) {
                    r = r.or(eval(side, s, x, depth + 1));
                    if (r == Tri.TRUE) {
                        return r;
                    }
                }
                return r;
            }
            case "oneOf": {
                int yes = 0;
                int maybe = 0;
                for (JsonValue s : ((JsonArray) v).items()) {
                    Tri t = eval(side, s, x, depth + 1);
                    yes += t == Tri.TRUE ? 1 : 0;
                    maybe += t == Tri.UNKNOWN ? 1 : 0;
                }
                if (yes > 1) {
                    return Tri.FALSE;
                }
                if (maybe == 0) {
                    return Tri.of(yes == 1);
                }
                return yes + maybe == 0 ? Tri.FALSE : Tri.UNKNOWN;
            }
            case "not":
                return eval(side, v, x, depth + 1).not();
            case "if": {
                Tri cond = eval(side, v, x, depth + 1);
                JsonValue then = o.get("then");
                JsonValue otherwise = o.get("else");
                Tri whenTrue = then == null ? Tri.TRUE : eval(side, then, x, depth + 1);
                Tri whenFalse = otherwise == null ? Tri.TRUE : eval(side, otherwise, x, depth + 1);
                if (cond == Tri.TRUE) {
                    return whenTrue;
                }
                if (cond == Tri.FALSE) {
                    return whenFalse;
                }
                return whenTrue == Tri.TRUE && whenFalse == Tri.TRUE ? Tri.TRUE
                        : whenTrue == Tri.FALSE && whenFalse == Tri.FALSE ? Tri.FALSE : Tri.UNKNOWN;
            }
            case "then", "else":
                return o.get("if") != null ? Tri.TRUE : Tri.UNKNOWN;
            case "$ref": {
                JsonValue target = side.resolve(((JsonString) v).value());
                return target == null ? Tri.UNKNOWN : eval(side, target, x, depth + 1);
            }
            case "$schema", "$id":
                return Tri.TRUE;
            default:
                return Keywords.isIgnorable(k) ? Tri.TRUE : Tri.UNKNOWN;
        }
    }

    private static Tri type(JsonValue v, JsonValue x) {
        List<JsonValue> names = v instanceof JsonArray a ? a.items() : List.of(v);
        for (JsonValue n : names) {
            String name = ((JsonString) n).value();
            if (name.equals("integer")) {
                if (x instanceof JsonNumber num && num.value().scale() <= 0) {
                    return Tri.TRUE;
                }
            } else if (JType.named(name).contains(JType.of(x))) {
                return Tri.TRUE;
            }
        }
        return Tri.FALSE;
    }

    private static Tri bound(String k, BigDecimal limit, BigDecimal x) {
        if (limit.precision() > SAFE_PRECISION || x.precision() > SAFE_PRECISION) {
            return Tri.UNKNOWN;
        }
        int c = x.compareTo(limit);
        return Tri.of(switch (k) {
            case "minimum" -> c >= 0;
            case "maximum" -> c <= 0;
            case "exclusiveMinimum" -> c > 0;
            default -> c < 0;
        });
    }

    private static Tri multipleOf(BigDecimal m, BigDecimal x) {
        if (m.precision() > SAFE_PRECISION || x.precision() > SAFE_PRECISION
                || Math.abs(x.scale() - m.scale()) > SAFE_PRECISION) {
            return Tri.UNKNOWN;
        }
        return Tri.of(x.remainder(m).signum() == 0);
    }

    private static long limit(JsonValue v) {
        BigDecimal d = ((JsonNumber) v).value();
        return d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.longValue();
    }

    private static Tri properties(Side side, JsonObject o, JsonValue x, int depth) {
        if (!(x instanceof JsonObject obj)) {
            return Tri.TRUE;
        }
        JsonValue p = o.get("properties");
        JsonValue pp = o.get("patternProperties");
        JsonValue ap = o.get("additionalProperties");
        Map<String, JsonValue> props = p == null ? Map.of() : ((JsonObject) p).members();
        Map<String, JsonValue> patterns = pp == null ? Map.of() : ((JsonObject) pp).members();
        Tri r = Tri.TRUE;
        for (Map.Entry<String, JsonValue> m : obj.members().entrySet()) {
            boolean matched = false;
            JsonValue ps = props.get(m.getKey());
            if (ps != null) {
                matched = true;
                r = r.and(eval(side, ps, m.getValue(), depth + 1));
            }
            for (Map.Entry<String, JsonValue> pat : patterns.entrySet()) {
                if (matches(pat.getKey(), m.getKey())) {
                    matched = true;
                    r = r.and(eval(side, pat.getValue(), m.getValue(), depth + 1));
                }
            }
            if (!matched && ap != null) {
                r = r.and(eval(side, ap, m.getValue(), depth + 1));
            }
            if (r == Tri.FALSE) {
                return r;
            }
        }
        return r;
    }

    private static Tri items(Side side, JsonObject o, JsonValue x, int depth) {
        if (!(x instanceof JsonArray arr)) {
            return Tri.TRUE;
        }
        JsonValue p = o.get("prefixItems");
        List<JsonValue> prefix = p == null ? List.of() : ((JsonArray) p).items();
        JsonValue items = o.get("items");
        Tri r = Tri.TRUE;
        for (int i = 0; i < arr.items().size(); i++) {
            JsonValue s = i < prefix.size() ? prefix.get(i) : items;
            if (s != null) {
                r = r.and(eval(side, s, arr.items().get(i), depth + 1));
                if (r == Tri.FALSE) {
                    return r;
                }
            }
        }
        return r;
    }

    private static Tri contains(Side side, JsonObject o, JsonValue x, int depth) {
        if (!(x instanceof JsonArray arr)) {
            return Tri.TRUE;
        }
        JsonValue s = o.get("contains");
        long min = o.get("minContains") == null ? 1 : limit(o.get("minContains"));
        long max = o.get("maxContains") == null ? Long.MAX_VALUE : limit(o.get("maxContains"));
        int yes = 0;
        int maybe = 0;
        for (JsonValue item : arr.items()) {
            Tri t = eval(side, s, item, depth + 1);
            yes += t == Tri.TRUE ? 1 : 0;
            maybe += t == Tri.UNKNOWN ? 1 : 0;
        }
        if (yes >= min && yes + maybe <= max) {
            return Tri.TRUE;
        }
        if (yes + maybe < min || yes > max) {
            return Tri.FALSE;
        }
        return Tri.UNKNOWN;
    }
}
