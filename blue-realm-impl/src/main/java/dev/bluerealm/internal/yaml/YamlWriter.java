package dev.bluerealm.internal.yaml;

import dev.bluerealm.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes ordered maps, lists, scalars and {@link JsonValue}s as YAML in the RFC's layout: block
 * style, indented list items, quotes only where YAML needs them (and around strings that would
 * otherwise read as numbers, booleans or null). Output depends only on the input, never on the
 * machine, so rewriting an unchanged model gives the same bytes.
 */
final class YamlWriter {
    private final YAMLMapper mapper = mapper(true);
    // for documents holding a character YAML reads as a line break (NEL, LS, PS): Jackson would write
    // such a multi-line string in literal style, where it cannot survive; double quotes escape it
    private final YAMLMapper quoting = mapper(false);

    private static YAMLMapper mapper(boolean minimizeQuotes) {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .configure(YAMLWriteFeature.MINIMIZE_QUOTES, minimizeQuotes)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .stringQuotingChecker(new CoreSchemaQuoting())
                .build();
        return YAMLMapper.builder(factory).enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    }

    /**
     * Jackson's default checker misses strings that YAML 1.2's core schema reads as something else
     * ({@code 0x10}, {@code +1e3}, {@code .Inf}) or as a line break: quote whatever
     * {@link YamlReader#resolve} would not read back as the same string.
     */
    static final class CoreSchemaQuoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || hostile(value);
        }

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || hostile(name);
        }

        private static boolean hostile(String s) {
            return YamlReader.resolve(s) != YamlNode.Scalar.Type.STRING || hasYamlBreak(s);
        }
    }

    static boolean hasYamlBreak(String s) {
        return s.indexOf('\u0085') >= 0 || s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0;
    }

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    byte[] write(Map<String, Object> document) {
        JsonNode tree = node(document);
        String text = (containsYamlBreak(tree) ? quoting : mapper).writeValueAsString(tree);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean containsYamlBreak(JsonNode node) {
        if (node.isString()) {
            return hasYamlBreak(node.asString());
        }
        for (java.util.Map.Entry<String, JsonNode> e : node.properties()) {
            if (hasYamlBreak(e.getKey()) || containsYamlBreak(e.getValue())) {
                return true;
            }
        }
        for (JsonNode item : node.values()) {
            if (containsYamlBreak(item)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode node(Object value) {
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof JsonValue) {
            return json((JsonValue) value);
        }
        if (value instanceof String) {
            return nodes.stringNode((String) value);
        }
        if (value instanceof Boolean) {
            return nodes.booleanNode((Boolean) value);
        }
        if (value instanceof Integer) {
            return nodes.numberNode((Integer) value);
        }
        if (value instanceof Map) {
            ObjectNode o = nodes.objectNode();
            ((Map<?, ?>) value).forEach((k, v) -> o.set((String) k, node(v)));
            return o;
        }
        if (value instanceof List) {
            ArrayNode a = nodes.arrayNode();
            ((List<?>) value).forEach(v -> a.add(node(v)));
            return a;
        }
        throw new IllegalArgumentException("cannot write " + value.getClass());
    }

    private JsonNode json(JsonValue v) {
        if (v instanceof JsonValue.JsonObject) {
            ObjectNode o = nodes.objectNode();
            ((JsonValue.JsonObject) v).members().forEach((k, m) -> o.set(k, json(m)));
            return o;
        }
        if (v instanceof JsonValue.JsonArray) {
            ArrayNode a = nodes.arrayNode();
            ((JsonValue.JsonArray) v).items().forEach(i -> a.add(json(i)));
            return a;
        }
        if (v instanceof JsonValue.JsonString) {
            return nodes.stringNode(((JsonValue.JsonString) v).value());
        }
        if (v instanceof JsonValue.JsonBoolean) {
            return nodes.booleanNode(((JsonValue.JsonBoolean) v).value());
        }
        if (v instanceof JsonValue.JsonNumber) {
            BigDecimal n = ((JsonValue.JsonNumber) v).value();
            return n.scale() <= 0 && Math.abs(n.scale()) <= 100 ? nodes.numberNode(n.toBigInteger()) : nodes.numberNode(n);
        }
        return nodes.nullNode();
    }
}
