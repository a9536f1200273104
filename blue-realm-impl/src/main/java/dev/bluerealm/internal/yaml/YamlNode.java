package dev.bluerealm.internal.yaml;

import java.util.List;

/**
 * A YAML node with the 1-based line and column where it starts. Aliases resolve to the anchored
 * node itself (shared, never copied), so a "billion laughs" file costs no memory to read.
 */
public abstract sealed class YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
    private final int line;
    private final int column;

    YamlNode(int line, int column) {
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What this node is, for messages: "a string", "a list", "a mapping". */
    public abstract String describe();

    /** A scalar with its text and, for plain scalars, its YAML 1.2 core-schema type. */
    public static final class Scalar extends YamlNode {
        /** The type a scalar resolves to under the YAML 1.2 core schema (quoted scalars are strings). */
        public enum Type { NULL, BOOL, INT, FLOAT, STRING }

        private final String text;
        private final Type type;

        Scalar(int line, int column, String text, Type type) {
            super(line, column);
            this.text = text;
            this.type = type;
        }

        public String text() {
            return text;
        }

        public Type type() {
            return type;
        }

        @Override
        public String describe() {
            switch (type) {
                case NULL: return "null";
                case BOOL: return "a boolean";
                case INT: return "an integer";
                case FLOAT: return "a number";
                default: return "a string";
            }
        }
    }

    /** A sequence. */
    public static final class Sequence extends YamlNode {
        private final List<YamlNode> items;

        Sequence(int line, int column, List<YamlNode> items) {
            super(line, column);
            this.items = items;
        }

        public List<YamlNode> items() {
            return items;
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping with scalar keys, in file order, without duplicates. */
    public static final class Mapping extends YamlNode {
        /** One key and its value. */
        public record Entry(Scalar key, YamlNode value) {}

        private final List<Entry> entries;

        Mapping(int line, int column, List<Entry> entries) {
            super(line, column);
            this.entries = entries;
        }

        public List<Entry> entries() {
            return entries;
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }
}
