package dev.bluerealm.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.CompatibilityReport.Verdict;
import dev.bluerealm.json.JsonValue;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the comparator over generated schemas ({@link SchemaGenerators}): it relates every
 * schema to itself, it is sound (a relation it says holds survives every generated instance, checked
 * with the real validator), edits with a known effect get the verdicts the edit implies, and every
 * witness is real. Seeds are fixed so that a failure reproduces.
 *
 * <p>Naming: a loosening edit (loosen a bound, add an enum value, remove a required property, widen
 * a type) keeps OLD ⊆ NEW, so {@code forwards} holds and {@code backwards} must fail with a witness;
 * the same edit read the other way (NEW tighter than OLD) is the mirror image.
 */
class SchemaCompatibilityPropertyTest {
    private static final long SEED = 0x5C4E_3A11_0B1EL;
    private static final SchemaComparator COMPARATOR = new SchemaComparator();

    @Test
    void compare_schemaWithItselfOrAnEqualCopy_holdsBothWaysWithoutChanges() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(SchemaGenerators.schemas()).checkAssert(s -> {
            JsonValue copy = JsonNodes.fromNode(JsonNodes.toNode(s));
            for (JsonValue other : List.of(s, copy)) {
                CompatibilityReport r = COMPARATOR.compare(s, other);
                assertInstanceOf(Verdict.Holds.class, r.backwards(), s::toJson);
                assertInstanceOf(Verdict.Holds.class, r.forwards(), s::toJson);
                assertEquals(List.of(), r.changes(), s::toJson);
            }
        });
    }

    @Test
    void compare_generatedPairs_aRelationThatHoldsSurvivesEveryGeneratedInstance() {
        qt().withFixedSeed(SEED + 1).withExamples(400).forAll(SchemaGenerators.pairs(), longs().all())
                .checkAssert((pair, seed) -> {
                    JsonValue old = pair[0];
                    JsonValue neu = pair[1];
                    CompatibilityReport r = COMPARATOR.compare(old, neu);
                    Random random = new Random(seed);
                    if (r.backwards().holds()) {
                        for (JsonValue v : SchemaGenerators.instances(neu, random, 16)) {
                            assertTrue(SchemaGenerators.VALIDATOR.valid(old, v), () -> "backwards claimed, but " + v.toJson()
                                    + " is valid under new and not old\nold " + old.toJson() + "\nnew " + neu.toJson());
                        }
                    }
                    if (r.forwards().holds()) {
                        for (JsonValue v : SchemaGenerators.instances(old, random, 16)) {
                            assertTrue(SchemaGenerators.VALIDATOR.valid(neu, v), () -> "forwards claimed, but " + v.toJson()
                                    + " is valid under old and not new\nold " + old.toJson() + "\nnew " + neu.toJson());
                        }
                    }
                });
    }

    @Test
    void compare_looseningEdit_forwardsHoldsAndBackwardsFailsWithConfirmedWitness() {
        qt().withFixedSeed(SEED + 2).withExamples(300).forAll(SchemaGenerators.loosenings()).checkAssert(e -> {
            CompatibilityReport r = SchemaComparatorTest.compare(e.tighter(), e.looser());
            assertInstanceOf(Verdict.Holds.class, r.forwards(), e::toString);
            assertInstanceOf(Verdict.DoesNotHold.class, r.backwards(), () -> e + "\n" + r.backwards());
        });
    }

    @Test
    void compare_tighteningEdit_backwardsHoldsAndForwardsFailsWithConfirmedWitness() {
        qt().withFixedSeed(SEED + 3).withExamples(300).forAll(SchemaGenerators.loosenings()).checkAssert(e -> {
            CompatibilityReport r = SchemaComparatorTest.compare(e.looser(), e.tighter());
            assertInstanceOf(Verdict.Holds.class, r.backwards(), e::toString);
            assertInstanceOf(Verdict.DoesNotHold.class, r.forwards(), () -> e + "\n" + r.forwards());
        });
    }

    @Test
    void compare_generatedPairs_everyWitnessConfirmedAndPresentExactlyForDoesNotHold() {
        qt().withFixedSeed(SEED + 4).withExamples(400).forAll(SchemaGenerators.pairs()).checkAssert(pair -> {
            SchemaComparatorTest.compare(pair[0], pair[1]);
            SchemaComparatorTest.compare(pair[1], pair[0]);
        });
    }

    @Test
    void evaluator_whenItDecides_agreesWithTheValidator() {
        qt().withFixedSeed(SEED + 5).withExamples(400).forAll(SchemaGenerators.schemas(), longs().all())
                .checkAssert((s, seed) -> {
                    Random random = new Random(seed);
                    Side side = Side.of("s", s);
                    for (int i = 0; i < 12; i++) {
                        JsonValue v = i % 3 == 0 ? SchemaGenerators.any(random, 2)
                                : SchemaGenerators.instance(s, s, random, 0);
                        Tri t = Evaluator.all(side, List.of(s), v);
                        if (t != Tri.UNKNOWN) {
                            assertEquals(SchemaGenerators.VALIDATOR.valid(s, v), t == Tri.TRUE,
                                    () -> "evaluator says " + t + " for " + v.toJson() + " under " + s.toJson());
                        }
                    }
                });
    }
}
