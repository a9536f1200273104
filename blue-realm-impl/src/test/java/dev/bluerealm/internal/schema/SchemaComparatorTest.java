package dev.bluerealm.internal.schema;

import static dev.bluerealm.internal.schema.SchemaGenerators.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.CompatibilityReport.Direction;
import dev.bluerealm.contract.CompatibilityReport.SchemaChange;
import dev.bluerealm.contract.CompatibilityReport.Verdict;
import dev.bluerealm.contract.CompatibilityReport.Witness;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.json.JsonValue.JsonArray;
import dev.bluerealm.json.JsonValue.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The comparator on the RFC's contract and on one case per change kind. Directions: backwards =
 * NEW ⊆ OLD, forwards = OLD ⊆ NEW. Every witness is re-checked here with the validator.
 */
class SchemaComparatorTest {
    private static final SchemaComparator COMPARATOR = new SchemaComparator();

    /** The RFC's s3-permissions 1.4.0 schema (read required; write and delete default to []). */
    static final String S3_1_4_0 = """
            {'type': 'object', 'required': ['read'],
             'properties': {
               'read':   {'type': 'array', 'items': {'type': 'string'}},
               'write':  {'type': 'array', 'items': {'type': 'string'}, 'default': []},
               'delete': {'type': 'array', 'items': {'type': 'string'}, 'default': []}}}""";

    /** 1.5.0: adds the optional experiments array (default []), as in the RFC's compatibility example. */
    static final String S3_1_5_0 = """
            {'type': 'object', 'required': ['read'],
             'properties': {
               'read':        {'type': 'array', 'items': {'type': 'string'}},
               'write':       {'type': 'array', 'items': {'type': 'string'}, 'default': []},
               'delete':      {'type': 'array', 'items': {'type': 'string'}, 'default': []},
               'experiments': {'type': 'array', 'items': {'type': 'string'}, 'default': []}}}""";

    enum Expect { HOLDS, FAILS, UNKNOWN }

    // ------------------------------------------------------------------ the RFC's example

    @Test
    void compare_s3AddsOptionalExperimentsUnderOpenModel_backwardsHoldsForwardsFailsWithWitness() {
        JsonValue old = json(S3_1_4_0);
        JsonValue neu = json(S3_1_5_0);

        CompatibilityReport r = compare(old, neu);

        // every 1.5.0 value is a valid 1.4.0 value: old importers read new values (the RFC's promise)
        assertInstanceOf(Verdict.Holds.class, r.backwards());
        // a 1.4.0 value may carry anything under "experiments" (open model); 1.5.0 requires an array
        assertInstanceOf(Verdict.DoesNotHold.class, r.forwards());
        Witness w = r.witnesses().get(Direction.FORWARDS);
        assertEquals("old", w.acceptedBy());
        assertEquals("new", w.rejectedBy());
        JsonValue experiments = ((JsonObject) w.instance()).get("experiments");
        assertNotNull(experiments, w.instance().toJson());
        assertFalse(experiments instanceof JsonArray, w.instance().toJson());
        assertNull(r.witnesses().get(Direction.BACKWARDS));
        assertEquals(List.of(new SchemaChange("/properties/experiments", "added optional property",
                "optional; type \"array\"; default []", true)), r.changes());
        assertTrue(((Verdict.DoesNotHold) r.forwards()).reason().contains("/experiments"), r.forwards().toString());
    }

    @Test
    void compare_designExampleDeleteAdded_forwardsWitnessCarriesNonArrayDelete() {
        JsonValue v130 = json("""
                {'type': 'object', 'required': ['read'], 'properties': {
                  'read': {'type': 'array', 'items': {'type': 'string'}},
                  'write': {'type': 'array', 'items': {'type': 'string'}, 'default': []}}}""");

        CompatibilityReport r = compare(v130, json(S3_1_4_0));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        Witness w = r.witnesses().get(Direction.FORWARDS);
        assertTrue(((JsonObject) w.instance()).get("read") instanceof JsonArray, w.instance().toJson());
        assertFalse(((JsonObject) w.instance()).get("delete") instanceof JsonArray, w.instance().toJson());
    }

    @Test
    void compare_s3AddsOptionalPropertyUnderClosedModel_backwardsFailsForwardsHolds() {
        JsonValue old = json(S3_1_4_0.replace("'required'", "'additionalProperties': false, 'required'"));
        JsonValue neu = json(S3_1_5_0.replace("'required'", "'additionalProperties': false, 'required'"));

        CompatibilityReport r = compare(old, neu);

        assertInstanceOf(Verdict.DoesNotHold.class, r.backwards());
        assertInstanceOf(Verdict.Holds.class, r.forwards());
        JsonObject w = (JsonObject) r.witnesses().get(Direction.BACKWARDS).instance();
        assertTrue(w.get("experiments") instanceof JsonArray, w.toJson());
        assertFalse(r.changes().get(0).compatible());
    }

    // ------------------------------------------------------------------ one case per change kind

    static Stream<Arguments> changeKinds() {
        return Stream.of(
                kind("added optional property, open model",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}}}",
                        "/properties/b", "added optional property", true, Expect.HOLDS, Expect.FAILS),
                kind("added optional property, closed model",
                        "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}",
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}},'additionalProperties':false}",
                        "/properties/b", "added optional property", false, Expect.FAILS, Expect.HOLDS),
                kind("added required property",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}},'required':['b']}",
                        "/properties/b", "added required property", true, Expect.HOLDS, Expect.FAILS),
                kind("removed property",
                        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "/properties/b", "removed property", false, Expect.FAILS, Expect.HOLDS),
                kind("property became required",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}",
                        "/properties/a", "property became required", true, Expect.HOLDS, Expect.FAILS),
                kind("property became optional",
                        "{'type':'object','properties':{'a':{'type':'string'}},'required':['a']}",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "/properties/a", "property became optional", false, Expect.FAILS, Expect.HOLDS),
                kind("narrowed type",
                        "{'type':['string','null']}", "{'type':'string'}",
                        "/type", "narrowed type", true, Expect.HOLDS, Expect.FAILS),
                kind("widened type, integer to number",
                        "{'type':'integer'}", "{'type':'number'}",
                        "/type", "widened type", false, Expect.FAILS, Expect.HOLDS),
                kind("enum shrunk",
                        "{'enum':['red','green','blue']}", "{'enum':['red','green']}",
                        "/enum", "enum shrunk", true, Expect.HOLDS, Expect.FAILS),
                kind("enum grown",
                        "{'enum':['red','green']}", "{'enum':['red','green','blue']}",
                        "/enum", "enum grown", false, Expect.FAILS, Expect.HOLDS),
                kind("bound tightened, minimum",
                        "{'type':'integer','minimum':0}", "{'type':'integer','minimum':1}",
                        "/minimum", "bound tightened", true, Expect.HOLDS, Expect.FAILS),
                kind("bound tightened, exclusiveMaximum added",
                        "{'type':'number'}", "{'type':'number','exclusiveMaximum':100}",
                        "/exclusiveMaximum", "bound tightened", true, Expect.HOLDS, Expect.FAILS),
                kind("bound loosened, maxLength",
                        "{'type':'string','maxLength':5}", "{'type':'string','maxLength':10}",
                        "/maxLength", "bound loosened", false, Expect.FAILS, Expect.HOLDS),
                kind("bound tightened, maxItems on a nested array",
                        "{'type':'object','properties':{'xs':{'type':'array','items':{'type':'string'}}}}",
                        "{'type':'object','properties':{'xs':{'type':'array','items':{'type':'string'},'maxItems':2}}}",
                        "/properties/xs/maxItems", "bound tightened", true, Expect.HOLDS, Expect.FAILS),
                kind("bound loosened, minProperties removed",
                        "{'type':'object','minProperties':1}", "{'type':'object'}",
                        "/minProperties", "bound loosened", false, Expect.FAILS, Expect.HOLDS),
                kind("closed content model",
                        "{'type':'object','properties':{'a':{'type':'string'}}}",
                        "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}",
                        "/additionalProperties", "closed content model", true, Expect.HOLDS, Expect.FAILS),
                kind("opened content model",
                        "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false}",
                        "{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':true}",
                        "/additionalProperties", "opened content model", false, Expect.FAILS, Expect.HOLDS),
                kind("pattern changed",
                        "{'type':'string','pattern':'^a'}", "{'type':'string','pattern':'^h'}",
                        "/pattern", "pattern changed", false, Expect.FAILS, Expect.FAILS),
                kind("const changed",
                        "{'const':1}", "{'const':2}",
                        "/const", "const changed", false, Expect.FAILS, Expect.FAILS),
                kind("items changed, constraint removed",
                        "{'type':'array','items':{'type':'string'}}", "{'type':'array'}",
                        "/items", "items changed", false, Expect.FAILS, Expect.HOLDS),
                kind("items changed, prefix item added",
                        "{'type':'array','prefixItems':[{'type':'string'}],'items':false}",
                        "{'type':'array','prefixItems':[{'type':'string'},{'type':'integer'}],'items':false}",
                        "/prefixItems", "items changed", false, Expect.FAILS, Expect.HOLDS),
                kind("multipleOf changed to a multiple",
                        "{'type':'number','multipleOf':2}", "{'type':'number','multipleOf':4}",
                        "/multipleOf", "multipleOf changed", true, Expect.HOLDS, Expect.FAILS),
                kind("items became unique",
                        "{'type':'array','items':{'type':'integer'}}",
                        "{'type':'array','items':{'type':'integer'},'uniqueItems':true}",
                        "/uniqueItems", "items became unique", true, Expect.HOLDS, Expect.FAILS),
                kind("reference changed",
                        "{'$defs':{'a':{'type':'string'},'b':{'type':'string','maxLength':3}},'$ref':'#/$defs/a'}",
                        "{'$defs':{'a':{'type':'string'},'b':{'type':'string','maxLength':3}},'$ref':'#/$defs/b'}",
                        "/$ref", "reference changed", true, Expect.HOLDS, Expect.FAILS),
                kind("alternatives added",
                        "{'anyOf':[{'type':'string'}]}", "{'anyOf':[{'type':'string'},{'type':'integer'}]}",
                        "/anyOf", "alternatives added", false, Expect.FAILS, Expect.HOLDS),
                kind("default changed",
                        "{'type':'array','items':{'type':'string'},'default':[]}",
                        "{'type':'array','items':{'type':'string'},'default':['x']}",
                        "/default", "default changed", true, Expect.HOLDS, Expect.HOLDS),
                kind("description changed",
                        "{'type':'string','description':'old words'}", "{'type':'string','description':'new words'}",
                        "/description", "description changed", true, Expect.HOLDS, Expect.HOLDS));
    }

    private static Arguments kind(String name, String old, String neu, String path, String kind, boolean compatible,
                                  Expect backwards, Expect forwards) {
        return Arguments.of(name, old, neu, path, kind, compatible, backwards, forwards);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changeKinds")
    void compare_changeOfEachKind_reportsKindVerdictsAndConfirmedWitnesses(String name, String old, String neu,
            String path, String kind, boolean compatible, Expect backwards, Expect forwards) {
        CompatibilityReport r = compare(json(old), json(neu));

        SchemaChange change = r.changes().stream().filter(c -> c.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no change at " + path + " in " + r.changes()));
        assertEquals(kind, change.kind(), change.toString());
        assertEquals(compatible, change.compatible(), change.toString());
        assertVerdict(backwards, r.backwards(), r);
        assertVerdict(forwards, r.forwards(), r);
    }

    // ------------------------------------------------------------------ whole-schema cases

    @Test
    void compare_identicalSchemas_bothHoldNoChangesNoWitnesses() {
        CompatibilityReport r = compare(json(S3_1_4_0), json(S3_1_4_0));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.Holds.class, r.forwards());
        assertEquals(List.of(), r.changes());
        assertTrue(r.witnesses().isEmpty());
        assertTrue(r.importers().isEmpty());
    }

    @Test
    void compare_annotationOnlyChanges_bothHoldEveryChangeCompatible() {
        JsonValue old = json("""
                {'type':'object','title':'S3','description':'paths',
                 'properties':{'read':{'type':'array','items':{'type':'string'},'examples':[['a']],'default':[]}}}""");
        JsonValue neu = json("""
                {'type':'object','title':'S3 access','description':'paths the job needs','$comment':'v2',
                 'properties':{'read':{'type':'array','items':{'type':'string'},'examples':[['b']],'default':['x'],
                                       'deprecated':true,'readOnly':true,'x-order':1}}}""");

        CompatibilityReport r = compare(old, neu);

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.Holds.class, r.forwards());
        assertEquals(List.of("/title", "/description", "/$comment", "/properties/read/examples",
                "/properties/read/default", "/properties/read/deprecated", "/properties/read/readOnly",
                "/properties/read/x-order"), r.changes().stream().map(SchemaChange::path).toList());
        assertTrue(r.changes().stream().allMatch(SchemaChange::compatible), r.changes().toString());
    }

    @Test
    void compare_differentButEquivalentPatterns_unknownBothWaysWithReason() {
        CompatibilityReport r = compare(json("{'type':'string','pattern':'^[a-z]+$'}"),
                json("{'type':'string','pattern':'^[a-z][a-z]*$'}"));

        Verdict.Unknown back = assertInstanceOf(Verdict.Unknown.class, r.backwards());
        Verdict.Unknown fwd = assertInstanceOf(Verdict.Unknown.class, r.forwards());
        assertTrue(back.reason().contains("patterns differ") && back.reason().contains("^[a-z]+$"), back.reason());
        assertTrue(fwd.reason().contains("regular expressions are not compared"), fwd.reason());
        assertTrue(r.witnesses().isEmpty());
        assertFalse(r.changes().get(0).compatible());
    }

    @Test
    void compare_recursiveDefinitionTightened_forwardsWitnessFoundThroughRef() {
        String tree = """
                {'$defs':{'node':{'type':'object','required':['tag'],'properties':{
                   'tag':{'type':'string'%s},
                   'children':{'type':'array','items':{'$ref':'#/$defs/node'}}}}},
                 '$ref':'#/$defs/node'}""";

        CompatibilityReport r = compare(json(tree.formatted("")), json(tree.formatted(",'maxLength':3")));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.DoesNotHold.class, r.forwards());
        assertEquals("/$defs/node/properties/tag/maxLength", r.changes().get(0).path());
    }

    @Test
    void compare_recursiveDefinitionUnchangedButRenamed_bothHold() {
        JsonValue old = json("""
                {'$defs':{'node':{'type':'object','properties':{'next':{'$ref':'#/$defs/node'},'v':{'type':'integer'}}}},
                 '$ref':'#/$defs/node'}""");
        JsonValue neu = json("""
                {'$defs':{'item':{'type':'object','properties':{'next':{'$ref':'#/$defs/item'},'v':{'type':'integer'}}}},
                 '$ref':'#/$defs/item'}""");

        CompatibilityReport r = compare(old, neu);

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.Holds.class, r.forwards());
    }

    @Test
    void compare_refLoopWithoutDescending_unknownBothWaysNoException() {
        JsonValue loop = json("{'$defs':{'a':{'$ref':'#/$defs/b'},'b':{'$ref':'#/$defs/a'}},'$ref':'#/$defs/a'}");

        CompatibilityReport r = compare(loop, json("{'type':'string'}"));

        assertTrue(((Verdict.Unknown) r.backwards()).reason().contains("refers back to itself"), r.backwards().toString());
        assertInstanceOf(Verdict.Unknown.class, r.forwards());
        assertTrue(r.witnesses().isEmpty());
    }

    @Test
    void compare_typeUnionVersusAnyOfOfTheSameTypes_bothHold() {
        CompatibilityReport r = compare(json("{'type':['string','integer']}"),
                json("{'anyOf':[{'type':'string'},{'type':'integer'}]}"));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.Holds.class, r.forwards());
    }

    @Test
    void compare_anyOfAlternativeWidened_backwardsFailsWithNonIntegerWitness() {
        CompatibilityReport r = compare(json("{'anyOf':[{'type':'string'},{'type':'integer'}]}"),
                json("{'anyOf':[{'type':'string'},{'type':'number'}]}"));

        assertInstanceOf(Verdict.DoesNotHold.class, r.backwards());
        assertInstanceOf(Verdict.Holds.class, r.forwards());
        assertInstanceOf(JsonValue.JsonNumber.class, r.witnesses().get(Direction.BACKWARDS).instance());
    }

    @Test
    void compare_oneOfWithDiscriminatorBranchTightened_backwardsHoldsForwardsFails() {
        String s = """
                {'oneOf':[
                  {'type':'object','required':['kind'],'properties':{'kind':{'const':'file'},'path':{'type':'string'%s}}},
                  {'type':'object','required':['kind'],'properties':{'kind':{'const':'url'}}}]}""";

        CompatibilityReport r = compare(json(s.formatted("")), json(s.formatted(",'maxLength':3")));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.DoesNotHold.class, r.forwards());
        assertEquals(json("'file'"), ((JsonObject) r.witnesses().get(Direction.FORWARDS).instance()).get("kind"));
    }

    @Test
    void compare_notReplacedByBound_backwardsProvenByDisjointness() {
        CompatibilityReport r = compare(json("{'type':'integer','not':{'const':0}}"),
                json("{'type':'integer','minimum':1}"));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.DoesNotHold.class, r.forwards());
    }

    @Test
    void compare_trueToFalse_backwardsHoldsForwardsFails() {
        CompatibilityReport r = compare(json("true"), json("false"));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        assertInstanceOf(Verdict.DoesNotHold.class, r.forwards());
        assertEquals("schema replaced", r.changes().get(0).kind());
    }

    @Test
    void compare_formatAdded_forwardsUnknownNamingTheKeyword() {
        CompatibilityReport r = compare(json("{'type':'string'}"), json("{'type':'string','format':'email'}"));

        assertInstanceOf(Verdict.Holds.class, r.backwards());
        // the validator does not assert formats, so no witness exists: unknown, never a guess
        Verdict.Unknown fwd = assertInstanceOf(Verdict.Unknown.class, r.forwards());
        assertTrue(fwd.reason().contains("\"format\""), fwd.reason());
    }

    @Test
    void compare_otherDraftDeclared_unknownNamingTheDraft() {
        CompatibilityReport r = compare(json("{'$schema':'http://json-schema.org/draft-07/schema#','type':'string'}"),
                json("{'type':'string'}"));

        assertTrue(((Verdict.Unknown) r.backwards()).reason().contains("draft-07"), r.backwards().toString());
    }

    @Test
    void compare_invalidSchema_throwsIllegalArgumentExceptionNamingSideAndProblem() {
        IllegalArgumentException oldBad = assertThrows(IllegalArgumentException.class,
                () -> COMPARATOR.compare(json("{'type':'strin'}"), json("{}")));
        IllegalArgumentException newBad = assertThrows(IllegalArgumentException.class,
                () -> COMPARATOR.compare(json("{}"), json("{'properties':{'a':{'minLength':-1}}}")));
        IllegalArgumentException badRef = assertThrows(IllegalArgumentException.class,
                () -> COMPARATOR.compare(json("{'$ref':'#/$defs/missing'}"), json("{}")));

        assertTrue(oldBad.getMessage().startsWith("the old schema") && oldBad.getMessage().contains("/type"),
                oldBad.getMessage());
        assertTrue(newBad.getMessage().startsWith("the new schema")
                && newBad.getMessage().contains("/properties/a/minLength"), newBad.getMessage());
        assertTrue(badRef.getMessage().contains("does not resolve"), badRef.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    /** Compares and checks the report's own consistency (see {@link #assertConsistent}). */
    static CompatibilityReport compare(JsonValue old, JsonValue neu) {
        CompatibilityReport r = COMPARATOR.compare(old, neu);
        assertConsistent(old, neu, r);
        return r;
    }

    /**
     * A witness exactly for each DoesNotHold; each confirmed by the validator (accepted by the named
     * schema, rejected by the other), with the labels of its direction.
     */
    static void assertConsistent(JsonValue old, JsonValue neu, CompatibilityReport r) {
        for (Direction d : Direction.values()) {
            Verdict v = d == Direction.BACKWARDS ? r.backwards() : r.forwards();
            Witness w = r.witnesses().get(d);
            assertEquals(v instanceof Verdict.DoesNotHold, w != null, () -> d + " " + v + " witness " + w);
            if (w != null) {
                JsonValue accepting = d == Direction.BACKWARDS ? neu : old;
                JsonValue rejecting = d == Direction.BACKWARDS ? old : neu;
                assertEquals(d == Direction.BACKWARDS ? "new" : "old", w.acceptedBy());
                assertEquals(d == Direction.BACKWARDS ? "old" : "new", w.rejectedBy());
                assertTrue(SchemaGenerators.VALIDATOR.valid(accepting, w.instance()), () -> d + ": " + w.instance().toJson()
                        + " not accepted by " + w.acceptedBy());
                assertFalse(SchemaGenerators.VALIDATOR.valid(rejecting, w.instance()), () -> d + ": " + w.instance().toJson()
                        + " not rejected by " + w.rejectedBy());
            }
        }
    }

    private static void assertVerdict(Expect expected, Verdict actual, CompatibilityReport r) {
        Class<? extends Verdict> type = switch (expected) {
            case HOLDS -> Verdict.Holds.class;
            case FAILS -> Verdict.DoesNotHold.class;
            case UNKNOWN -> Verdict.Unknown.class;
        };
        assertInstanceOf(type, actual, () -> "got " + actual + "; witnesses " + r.witnesses());
    }
}
