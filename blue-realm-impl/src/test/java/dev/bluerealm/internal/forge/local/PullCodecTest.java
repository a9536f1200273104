package dev.bluerealm.internal.forge.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import dev.bluerealm.RealmLoadException;
import dev.bluerealm.sync.PullRequest;
import dev.bluerealm.sync.PullRequest.Acknowledgement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bytes of {@code refs/blue/pulls}: exact round trips, canonical output, strict reading. */
class PullCodecTest {
    private static final long SEED = 0xB1_0E_9011L;
    private static final int EXAMPLES = 500;

    private final PullCodec codec = new PullCodec();

    static final PullRecord RFC = new PullRecord(3, "s3-permissions 1.5.0", "Adds `jobs/*`.\n\n\"quoted\" \\ tab\t",
            "sync/aperture/20260124-103000", "main", "aperture", "eric@example.com", Instant.parse("2026-01-24T10:30:00Z"),
            PullRequest.State.MERGED, List.of("fungal-image-analysis", "eric@example.com"),
            List.of(new Acknowledgement("fungal-image-analysis", "ana@fungal.example", Instant.parse("2026-01-25T08:00:00Z"), "1.5.0")),
            List.of(new Approval("eric@example.com", Instant.parse("2026-01-25T09:00:00Z"))), false,
            Instant.parse("2026-02-07T10:30:00Z"), "0123456789abcdef0123456789abcdef01234567",
            Instant.parse("2026-01-25T09:05:00Z"));

    @Test
    void encode_oneRecord_isTheDocumentedLayout() {
        assertEquals("""
                {
                  "acknowledgements": [
                    {
                      "at": "2026-01-25T08:00:00Z",
                      "by": "ana@fungal.example",
                      "repo": "fungal-image-analysis",
                      "version": "1.5.0"
                    }
                  ],
                  "approvals": [
                    {
                      "at": "2026-01-25T09:00:00Z",
                      "by": "eric@example.com"
                    }
                  ],
                  "author_repo": "aperture",
                  "base": "main",
                  "body": "Adds `jobs/*`.\\n\\n\\"quoted\\" \\\\ tab\\t",
                  "breaking": false,
                  "grace_deadline": "2026-02-07T10:30:00Z",
                  "head": "sync/aperture/20260124-103000",
                  "merge_commit": "0123456789abcdef0123456789abcdef01234567",
                  "merged_at": "2026-01-25T09:05:00Z",
                  "number": 3,
                  "opened_at": "2026-01-24T10:30:00Z",
                  "opened_by": "eric@example.com",
                  "reviewers": [
                    "eric@example.com",
                    "fungal-image-analysis"
                  ],
                  "state": "merged",
                  "title": "s3-permissions 1.5.0"
                }
                """, new String(codec.encode(RFC), StandardCharsets.UTF_8));
    }

    @Test
    void encodeThenDecode_randomRecords_roundTripExactly() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(200)
                .forAll(PullGenerators.records())
                .checkAssert(r -> {
                    byte[] once = codec.encode(r);
                    PullRecord back = decode(r.number(), once);
                    assertEquals(r, back);
                    assertArrayEquals(once, codec.encode(back), "re-encoding what was read changed the bytes");
                });
    }

    @Test
    void encode_sameRecordWithListsInAnotherOrder_identicalBytes() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).withShrinkCycles(200)
                .forAll(PullGenerators.records())
                .checkAssert(r -> {
                    Random random = new Random(r.hashCode());
                    List<String> reviewers = new ArrayList<>(r.reviewers());
                    reviewers.addAll(r.reviewers()); // duplicates collapse
                    Collections.shuffle(reviewers, random);
                    List<Acknowledgement> acks = new ArrayList<>(r.acknowledgements());
                    Collections.shuffle(acks, random);
                    List<Approval> approvals = new ArrayList<>(r.approvals());
                    Collections.shuffle(approvals, random);
                    PullRecord shuffled = new PullRecord(r.number(), r.title(), r.body(), r.head(), r.base(), r.authorRepo(),
                            r.openedBy(), r.openedAt(), r.state(), reviewers, acks, approvals, r.breaking(),
                            r.graceDeadline(), r.mergeCommit(), r.mergedAt());
                    assertEquals(r, shuffled);
                    assertArrayEquals(codec.encode(r), codec.encode(shuffled));
                });
    }

    @Test
    void encodeThenDecode_meta_roundTrips() throws Exception {
        for (int next : new int[] {1, 2, 1000, Integer.MAX_VALUE}) {
            PullCodec.Meta meta = new PullCodec.Meta(PullCodec.FORMAT, next);
            byte[] bytes = codec.encode(meta);
            assertEquals("{\n  \"format\": 1,\n  \"next\": " + next + "\n}\n", new String(bytes, StandardCharsets.UTF_8));
            assertEquals(meta, codec.decodeMeta("meta.json", bytes));
        }
    }

    static Stream<Arguments> badRecords() {
        String good = new String(new PullCodec().encode(RFC), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("not JSON", "{\"number\": 3,", "not valid JSON"),
                Arguments.of("a list", "[]", "expected a pull request to be a JSON object, found array"),
                Arguments.of("unknown key", good.replace("\"base\"", "\"colour\": \"red\",\n  \"base\""),
                        "unknown key 'colour' in a pull request"),
                Arguments.of("duplicate key", good.replace("\"base\": \"main\"", "\"base\": \"main\",\n  \"base\": \"dev\""),
                        "Duplicate Object property \"base\""),
                Arguments.of("missing key", good.replace("  \"breaking\": false,\n", ""), "missing key 'breaking'"),
                Arguments.of("number as text", good.replace("\"number\": 3", "\"number\": \"3\""),
                        "expected 'number' to be an integer, found string"),
                Arguments.of("another number", good.replace("\"number\": 3", "\"number\": 4"),
                        "holds number 4 but is the file of pull request 3"),
                Arguments.of("unknown state", good.replace("\"merged\"", "\"draft\""),
                        "expected 'state' to be open, merged or closed, found 'draft'"),
                Arguments.of("bad time", good.replace("2026-01-24T10:30:00Z", "yesterday"),
                        "expected 'opened_at' to be a UTC timestamp"),
                Arguments.of("bad branch", good.replace("sync/aperture/20260124-103000", "sync/../x"),
                        "head 'sync/../x' is not a valid branch name"),
                Arguments.of("merged without commit", good.replace("\"0123456789abcdef0123456789abcdef01234567\"", "null"),
                        "a merged pull request, and only one, has a merge commit"),
                Arguments.of("acknowledgement without version", good.replace(",\n      \"version\": \"1.5.0\"", ""),
                        "missing key 'version' in an acknowledgement"),
                Arguments.of("approval twice", good.replace("\"approvals\": [\n", "\"approvals\": [\n    {\"at\": \"2026-01-25T09:00:00Z\", \"by\": \"eric@example.com\"},\n"),
                        "eric@example.com approved twice"),
                Arguments.of("trailing content", good + "{}", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void decode_malformedRecord_loadErrorNamingTheFile(String what, String json, String message) {
        RealmLoadException e = assertThrows(RealmLoadException.class,
                () -> codec.decode("refs/blue/pulls:pulls/3.json", 3, json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("refs/blue/pulls:pulls/3.json", e.errors().get(0).file());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void decodeMeta_newerFormat_refusedAskingForAnUpgrade() {
        RealmLoadException e = assertThrows(RealmLoadException.class, () -> codec.decodeMeta("refs/blue/pulls:meta.json",
                "{\"format\": 2, \"next\": 5}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("written in format 2 by a newer blue-realm"), e.getMessage());
    }

    private PullRecord decode(int number, byte[] bytes) {
        try {
            return codec.decode("generated.json", number, bytes);
        } catch (RealmLoadException e) {
            throw new AssertionError("written JSON does not read back: " + e.getMessage() + "\n"
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
