package dev.bluerealm.internal.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.bluerealm.internal.graph.DependencyGraph;
import dev.bluerealm.internal.graph.Edge;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeOrderTest {
    private static final DependencyGraph CHAIN = DependencyGraph.of(List.of(
            new Edge("aperture", "s3-access", "fungal-image-analysis"),
            new Edge("fungal-image-analysis", "ml-training", "ml-infra")));

    @Test
    void of_rfcChain_exportersFirstEachBlockedByItsExporter() {
        MergeOrder.Ordered o = assertInstanceOf(MergeOrder.Ordered.class,
                MergeOrder.of(CHAIN, List.of("ml-infra", "fungal-image-analysis", "aperture")));

        assertEquals(List.of(new MergeOrder.Step("aperture", List.of()),
                new MergeOrder.Step("fungal-image-analysis", List.of("aperture")),
                new MergeOrder.Step("ml-infra", List.of("fungal-image-analysis"))), o.steps());
    }

    @Test
    void of_middleRepoNotInTheChange_stillOrdersThroughIt() {
        MergeOrder.Ordered o = assertInstanceOf(MergeOrder.Ordered.class,
                MergeOrder.of(CHAIN, List.of("ml-infra", "aperture")));

        assertEquals(List.of(new MergeOrder.Step("aperture", List.of()),
                new MergeOrder.Step("ml-infra", List.of("aperture"))), o.steps());
    }

    @Test
    void of_unrelatedRepos_byName() {
        MergeOrder.Ordered o = assertInstanceOf(MergeOrder.Ordered.class,
                MergeOrder.of(CHAIN, List.of("zeta", "ml-infra", "beta")));

        assertEquals(List.of("beta", "ml-infra", "zeta"), o.repos());
    }

    @Test
    void of_cycleThroughTheChange_isReportedWithItsHops() {
        DependencyGraph cyclic = CHAIN.plus(List.of(new Edge("ml-infra", "feedback", "aperture")));

        MergeOrder.Cyclic c = assertInstanceOf(MergeOrder.Cyclic.class,
                MergeOrder.of(cyclic, List.of("aperture", "fungal-image-analysis", "ml-infra")));

        assertEquals("aperture → (s3-access) → fungal-image-analysis → (ml-training) → ml-infra → (feedback) → aperture",
                c.cycle().toString());
    }
}
