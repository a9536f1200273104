package dev.bluerealm.internal.schema;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonBoolean;
import dev.bluerealm.json.JsonValue.JsonNumber;
import dev.bluerealm.json.JsonValue.JsonObject;
import dev.bluerealm.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the API's {@link JsonValue} and Jackson 3 {@link JsonNode}, which the validator
 * reads. Integral numbers become integer nodes (so {@code 2} is an {@code integer} to the validator)
 * and the rest exact decimals.
 */
public final class JsonNodes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonNodes() {}

    /** The Jackson tree for {@code value}. */
    public static JsonNode toNode(JsonValue value) {
        if (value instanceof JsonObject o) {
            ObjectNode node = NODES.objectNode();
            o.members().forEach((k, v) -> node.set(k, toNode(v)));
            return node;
        }
        if (value instanceof JsonArray a) {
            ArrayNode node = NODES.arrayNode(a.items().size());
            a.items().forEach(v -> node.add(toNode(v)));
            return node;
        }
        if (value instanceof JsonString s) {
            return NODES.stringNode(s.value());
        }
        if (value instanceof JsonNumber n) {
            return number(n.value());
        }
        if (value instanceof JsonBoolean b) {
            return NODES.booleanNode(b.value());
        }
        return NODES.nullNode();
    }

    private static JsonNode number(BigDecimal v) {
        if (v.scale() <= 0) {
            BigInteger i = v.toBigIntegerExact();
            if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
                long l = i.longValue();
                return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
            }
            return NODES.numberNode(i);
        }
        return NODES.numberNode(v);
    }

    /** The {@link JsonValue} for a Jackson tree (numbers kept exact). */
    public static JsonValue fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.NULL;
        }
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                members.put(e.getKey(), fromNode(e.getValue()));
            }
            return new JsonObject(members);
        }
        if (node.isArray()) {
            List<JsonValue> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(fromNode(item));
            }
            return new JsonArray(items);
        }
        if (node.isString()) {
            return new JsonString(node.stringValue());
        }
        if (node.isNumber()) {
            return new JsonNumber(node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue());
        }
        if (node.isBoolean()) {
            return new JsonBoolean(node.booleanValue());
        }
        throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
}
