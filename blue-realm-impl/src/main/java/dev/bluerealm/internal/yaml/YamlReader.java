package dev.bluerealm.internal.yaml;

import dev.bluerealm.model.LoadError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads untrusted YAML into {@link YamlNode}s with positions, enforcing {@link YamlLimits}.
 *
 * <p>It composes the node tree itself from the parser's events (the engine Jackson YAML runs on),
 * rather than through a data binder, so that it can: report every duplicate key with both lines;
 * count nesting and aliases as it goes and stop at the limit; and measure alias expansion without
 * ever expanding (a billion-laughs file is refused in microseconds).
 */
public final class YamlReader {
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Map<String, YamlNode.Scalar.Type> WORDS = Map.of(
            "null", YamlNode.Scalar.Type.NULL, "Null", YamlNode.Scalar.Type.NULL, "NULL", YamlNode.Scalar.Type.NULL,
            "true", YamlNode.Scalar.Type.BOOL, "True", YamlNode.Scalar.Type.BOOL, "TRUE", YamlNode.Scalar.Type.BOOL,
            "false", YamlNode.Scalar.Type.BOOL, "False", YamlNode.Scalar.Type.BOOL, "FALSE", YamlNode.Scalar.Type.BOOL);

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * Settings for one text. The buffer holds the whole text: snakeyaml-engine 3.0.1's reader
     * overruns its buffer when a surrogate pair straddles a chunk boundary.
     */
    private LoadSettings settings(String text) {
        return LoadSettings.builder().setUseMarks(true).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(limits.maxAliases()).setCodePointLimit(limits.maxBytes() + 1)
                .setBufferSize(text.length() + 1).build();
    }

    public YamlReader() {
        this(YamlLimits.DEFAULT);
    }

    /** Reads one file; {@code file} names it in errors. Never throws on bad input. */
    public YamlDocument read(String file, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            return failed(file, 0, 0, "file is " + bytes.length + " bytes; the limit is " + limits.maxBytes()
                    + " (1 MiB)");
        }
        String text;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int[] pos = position(bytes, bad);
            return failed(file, pos[0], pos[1], "invalid UTF-8 (byte 0x"
                    + Integer.toHexString(bytes[bad] & 0xff) + " at offset " + bad + "); realm files must be UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Composer(file).compose(text);
    }

    private static YamlDocument failed(String file, int line, int column, String message) {
        return new YamlDocument(file, null, List.of(new LoadError(file, line, column, message)));
    }

    /** Builds nodes from events; one instance per file. */
    private final class Composer {
        private final String file;
        private final List<LoadError> errors = new ArrayList<>();
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private int aliases;
        private YamlNode root;
        private int documents;

        Composer(String file) {
            this.file = file;
        }

        /** A collection being built: its items, or its keys and values alternating. */
        private final class Frame {
            final boolean mapping;
            final int line;
            final int column;
            final Optional<Anchor> anchor;
            final List<YamlNode> items = new ArrayList<>();

            Frame(boolean mapping, NodeEvent event) {
                this.mapping = mapping;
                this.line = line(event);
                this.column = column(event);
                this.anchor = event.getAnchor();
            }
        }

        YamlDocument compose(String text) {
            try {
                for (Event event : new Parse(settings(text)).parseString(text)) {
                    if (!accept(event)) {
                        break;
                    }
                }
            } catch (MarkedYamlEngineException e) {
                Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
                String context = e.getContext() != null ? e.getContext() + ": " : "";
                errors.add(new LoadError(file, mark.map(m -> m.getLine() + 1).orElse(0),
                        mark.map(m -> m.getColumn() + 1).orElse(0), "YAML syntax: " + context + problem));
            } catch (YamlEngineException e) {
                errors.add(new LoadError(file, 0, 0, "YAML: " + e.getMessage()));
            }
            if (errors.isEmpty() && root != null && aliases > 0) {
                long expanded = expandedSize(root, new IdentityHashMap<>());
                if (expanded > limits.maxExpandedNodes()) {
                    errors.add(new LoadError(file, root.line(), root.column(), "aliases expand to more than "
                            + limits.maxExpandedNodes() + " nodes; write the content out instead of aliasing it"));
                }
            }
            return new YamlDocument(file, errors.isEmpty() ? root : null, errors);
        }

        /** Handles one event; false stops reading (a limit was hit). */
        private boolean accept(Event event) {
            switch (event.getEventId()) {
                case DocumentStart:
                    if (++documents > 1) {
                        errors.add(new LoadError(file, line(event), column(event),
                                "more than one YAML document; a realm file holds exactly one"));
                        return false;
                    }
                    return true;
                case MappingStart:
                case SequenceStart:
                    if (stack.size() >= limits.maxDepth()) {
                        errors.add(new LoadError(file, line(event), column(event), "nested deeper than "
                                + limits.maxDepth() + " levels"));
                        return false;
                    }
                    Optional<String> tag = ((org.snakeyaml.engine.v2.events.CollectionStartEvent) event).getTag();
                    if (tag.isPresent() && !tag.get().equals("!") && !tag.get().equals("tag:yaml.org,2002:map")
                            && !tag.get().equals("tag:yaml.org,2002:seq")) {
                        errors.add(new LoadError(file, line(event), column(event), "unsupported YAML tag " + tag.get()
                                + "; realm files use plain YAML"));
                        return false;
                    }
                    stack.push(new Frame(event.getEventId() == Event.ID.MappingStart, (NodeEvent) event));
                    return true;
                case MappingEnd:
                case SequenceEnd:
                    Frame frame = stack.pop();
                    YamlNode node = frame.mapping ? mapping(frame) : new YamlNode.Sequence(frame.line, frame.column,
                            List.copyOf(frame.items));
                    frame.anchor.ifPresent(a -> anchors.put(a.getValue(), node));
                    add(node);
                    return true;
                case Scalar:
                    ScalarEvent scalar = (ScalarEvent) event;
                    YamlNode s = scalar(scalar);
                    if (s == null) {
                        return false;
                    }
                    scalar.getAnchor().ifPresent(a -> anchors.put(a.getValue(), s));
                    add(s);
                    return true;
                case Alias:
                    if (++aliases > limits.maxAliases()) {
                        errors.add(new LoadError(file, line(event), column(event), "more than "
                                + limits.maxAliases() + " aliases"));
                        return false;
                    }
                    String name = ((AliasEvent) event).getAlias().getValue();
                    YamlNode target = anchors.get(name);
                    if (target == null) {
                        errors.add(new LoadError(file, line(event), column(event), "alias *" + name
                                + " refers to no earlier anchor &" + name));
                        return false;
                    }
                    add(target);
                    return true;
                default:
                    return true;
            }
        }

        private YamlNode scalar(ScalarEvent e) {
            Optional<String> tag = e.getTag();
            YamlNode.Scalar.Type type;
            if (tag.isPresent() && !tag.get().equals("!")) {
                type = switch (tag.get()) {
                    case "tag:yaml.org,2002:str" -> YamlNode.Scalar.Type.STRING;
                    case "tag:yaml.org,2002:int" -> YamlNode.Scalar.Type.INT;
                    case "tag:yaml.org,2002:float" -> YamlNode.Scalar.Type.FLOAT;
                    case "tag:yaml.org,2002:bool" -> YamlNode.Scalar.Type.BOOL;
                    case "tag:yaml.org,2002:null" -> YamlNode.Scalar.Type.NULL;
                    default -> null;
                };
                if (type == null) {
                    errors.add(new LoadError(file, line(e), column(e), "unsupported YAML tag " + tag.get()
                            + "; realm files use plain YAML"));
                    return null;
                }
            } else if (e.isPlain() && tag.isEmpty()) {
                type = resolve(e.getValue());
            } else {
                type = YamlNode.Scalar.Type.STRING;
            }
            return new YamlNode.Scalar(line(e), column(e), e.getValue(), type);
        }

        private YamlNode mapping(Frame frame) {
            List<YamlNode.Mapping.Entry> entries = new ArrayList<>();
            Map<String, YamlNode.Scalar> seen = new HashMap<>();
            for (int i = 0; i + 1 < frame.items.size(); i += 2) {
                YamlNode key = frame.items.get(i);
                if (!(key instanceof YamlNode.Scalar)) {
                    errors.add(new LoadError(file, key.line(), key.column(), "a mapping key must be a plain "
                            + "value, not " + key.describe()));
                    continue;
                }
                YamlNode.Scalar k = (YamlNode.Scalar) key;
                YamlNode.Scalar first = seen.putIfAbsent(k.text(), k);
                if (first != null) {
                    errors.add(new LoadError(file, k.line(), k.column(), "duplicate key '" + k.text()
                            + "' (first at line " + first.line() + ")"));
                    continue;
                }
                entries.add(new YamlNode.Mapping.Entry(k, frame.items.get(i + 1)));
            }
            return new YamlNode.Mapping(frame.line, frame.column, List.copyOf(entries));
        }

        private void add(YamlNode node) {
            if (stack.isEmpty()) {
                root = node;
            } else {
                stack.peek().items.add(node);
            }
        }

        private int line(Event e) {
            return e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        }

        private int column(Event e) {
            return e.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        }
    }

    /** The YAML 1.2 core schema's resolution of a plain scalar. */
    static YamlNode.Scalar.Type resolve(String plain) {
        // most scalars are words or paths: decide by the first character before any regex runs
        if (!plain.isEmpty()) {
            char c = plain.charAt(0);
            if (c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F') {
                return WORDS.getOrDefault(plain, YamlNode.Scalar.Type.STRING); // null, true, false and their cases
            }
            boolean maybeNumber = c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == '~';
            if (!maybeNumber) {
                return YamlNode.Scalar.Type.STRING;
            }
        }
        if (NULL.matcher(plain).matches()) {
            return YamlNode.Scalar.Type.NULL;
        }
        if (BOOL.matcher(plain).matches()) {
            return YamlNode.Scalar.Type.BOOL;
        }
        if (INT.matcher(plain).matches()) {
            return YamlNode.Scalar.Type.INT;
        }
        if (FLOAT.matcher(plain).matches()) {
            return YamlNode.Scalar.Type.FLOAT;
        }
        return YamlNode.Scalar.Type.STRING;
    }

    /** Nodes after expanding every alias, computed once per shared node; saturates instead of overflowing. */
    private static long expandedSize(YamlNode node, Map<YamlNode, Long> memo) {
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof YamlNode.Sequence) {
            for (YamlNode item : ((YamlNode.Sequence) node).items()) {
                size = saturatingAdd(size, expandedSize(item, memo));
            }
        } else if (node instanceof YamlNode.Mapping) {
            for (YamlNode.Mapping.Entry e : ((YamlNode.Mapping) node).entries()) {
                size = saturatingAdd(size, 1 + expandedSize(e.value(), memo));
            }
        }
        memo.put(node, size);
        return size;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? in.position() : 0;
    }

    /** 1-based line and column of a byte offset (columns count bytes, good enough for a bad byte). */
    private static int[] position(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
