package dev.bluerealm.internal.forge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bluerealm.internal.git.RealmStore;
import dev.bluerealm.internal.git.Transports;
import dev.bluerealm.sync.PullRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several machines writing one realm remote at the same moment, as threads (each with its own
 * clone) and as real processes: every pull request gets its own number, 1..N without gaps, and
 * every record is there; concurrent merges of different pull requests all land on main.
 */
class LocalForgeConcurrencyTest {
    @TempDir Path tmp;

    @Test
    void open_concurrentThreads_distinctNumbersAndNoRecordLost() throws Exception {
        int machines = 4;
        int each = 5;
        try (BareRemote remote = BareRemote.create(tmp.resolve("letemcook.git"))) {
            ExecutorService pool = Executors.newFixedThreadPool(machines);
            CountDownLatch ready = new CountDownLatch(machines);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            try {
                for (int m = 0; m < machines; m++) {
                    String name = "t" + m;
                    futures.add(pool.submit(() -> {
                        try (RealmStore store = RealmStore.cloneInto(remote.fileUrl(), tmp.resolve(name), Transports.defaults())) {
                            LocalForge forge = LocalForgeTest.forge(store, name + "@example.com");
                            ready.countDown();
                            ready.await();
                            List<Integer> numbers = new ArrayList<>();
                            for (int i = 1; i <= each; i++) {
                                numbers.add(forge.open(LocalForgeTest.draft("sync/" + name + "/" + i)).number());
                            }
                            return numbers;
                        }
                    }));
                }
                List<Integer> all = new ArrayList<>();
                for (Future<List<Integer>> f : futures) {
                    List<Integer> numbers = f.get(60, TimeUnit.SECONDS);
                    assertEquals(numbers.stream().sorted().toList(), numbers, "one machine's numbers only grow");
                    all.addAll(numbers);
                }
                assertAllPresent(remote, machines, each, all, "t");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void open_concurrentProcesses_distinctNumbersAndNoRecordLost() throws Exception {
        int machines = 3;
        int each = 4;
        try (BareRemote remote = BareRemote.create(tmp.resolve("letemcook.git"))) {
            Path start = tmp.resolve("start");
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            try {
                for (int m = 0; m < machines; m++) {
                    Path log = tmp.resolve("p" + m + ".log");
                    logs.add(log);
                    processes.add(new ProcessBuilder(javaCommand(OpenPullRequestsMain.class.getName(), remote.fileUrl(),
                            tmp.resolve("p" + m).toString(), "p" + m, String.valueOf(each), start.toString()))
                            .redirectErrorStream(true).redirectOutput(log.toFile()).start());
                }
                awaitReady(logs, processes);
                Files.writeString(start, "go"); // every process has cloned and is waiting: race
                List<Integer> all = new ArrayList<>();
                for (int m = 0; m < machines; m++) {
                    Process p = processes.get(m);
                    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process " + m + " did not finish");
                    String out = Files.readString(logs.get(m));
                    assertEquals(0, p.exitValue(), out);
                    for (String line : out.split("\n")) {
                        if (line.startsWith("opened ")) {
                            all.add(Integer.parseInt(line.split(" ")[1]));
                        }
                    }
                }
                assertAllPresent(remote, machines, each, all, "p");
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }
    }

    /** Numbers 1..N each used once, and the remote holds every record with the head that opened it. */
    private static void assertAllPresent(BareRemote remote, int machines, int each, List<Integer> numbers, String prefix)
            throws Exception {
        int n = machines * each;
        assertEquals(IntStream.rangeClosed(1, n).boxed().toList(), numbers.stream().sorted().toList(),
                "distinct numbers 1.." + n + ": " + numbers);
        ObjectId tip = remote.ref(LocalForge.REF);
        assertEquals("{\n  \"format\": 1,\n  \"next\": " + (n + 1) + "\n}\n", remote.file(tip, "meta.json"));
        Set<String> heads = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            String json = remote.file(tip, "pulls/" + i + ".json");
            heads.add(json.replaceAll("(?s).*\"head\": \"([^\"]+)\".*", "$1"));
        }
        Set<String> expected = new TreeSet<>();
        for (int m = 0; m < machines; m++) {
            for (int i = 1; i <= each; i++) {
                expected.add("sync/" + prefix + m + "/" + i);
            }
        }
        assertEquals(expected, heads);
        assertEquals(n, remote.history(LocalForge.REF), "one commit per pull request, none lost, none doubled");
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire runs tests from a manifest-only jar; the full class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                mainClass));
        Collections.addAll(command, args);
        return command;
    }

    private static void awaitReady(List<Path> logs, List<Process> processes) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        for (int m = 0; m < logs.size(); m++) {
            while (!(Files.exists(logs.get(m)) && Files.readString(logs.get(m)).contains("ready"))) {
                if (!processes.get(m).isAlive() || System.currentTimeMillis() > deadline) {
                    throw new AssertionError("process " + m + " did not start: " + Files.readString(logs.get(m)));
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void merge_concurrentMachinesMergingDifferentPullRequests_allLandOnMain() throws Exception {
        int machines = 3;
        try (BareRemote remote = BareRemote.create(tmp.resolve("letemcook.git"))) {
            for (int m = 0; m < machines; m++) {
                remote.commit("sync/r" + m + "/20260124-103000", "main", Map.of("repos/r" + m + ".yaml", "name: r" + m + "\n"),
                        "join: r" + m);
            }
            try (RealmStore opener = RealmStore.cloneInto(remote.fileUrl(), tmp.resolve("opener"), Transports.defaults())) {
                LocalForge forge = LocalForgeTest.forge(opener, "eric@example.com");
                for (int m = 0; m < machines; m++) {
                    forge.open(LocalForgeTest.draft("sync/r" + m + "/20260124-103000"));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(machines);
            CountDownLatch ready = new CountDownLatch(machines);
            List<Future<PullRequest>> futures = new ArrayList<>();
            try {
                for (int m = 0; m < machines; m++) {
                    int number = m + 1;
                    futures.add(pool.submit(() -> {
                        try (RealmStore store = RealmStore.cloneInto(remote.fileUrl(), tmp.resolve("m" + number), Transports.defaults())) {
                            LocalForge forge = LocalForgeTest.forge(store, "m" + number + "@example.com");
                            ready.countDown();
                            ready.await();
                            return forge.merge(number);
                        }
                    }));
                }
                List<PullRequest> merged = new ArrayList<>();
                for (Future<PullRequest> f : futures) {
                    merged.add(f.get(60, TimeUnit.SECONDS));
                }
                ObjectId main = remote.branch("main");
                for (int m = 0; m < machines; m++) {
                    assertEquals("name: r" + m + "\n", remote.file(main, "repos/r" + m + ".yaml"));
                    assertEquals(null, remote.branch("sync/r" + m + "/20260124-103000"));
                    assertEquals(PullRequest.State.MERGED, merged.get(m).state());
                }
                // every recorded merge commit is on main's first-parent line, each a different one
                Set<String> firstParents = new TreeSet<>();
                for (RevCommit c = remote.parse(main); ; c = remote.parse(c.getParent(0))) {
                    firstParents.add(c.name());
                    if (c.getParentCount() == 0) {
                        break;
                    }
                }
                Set<String> commits = merged.stream().map(PullRequest::mergeCommit).collect(Collectors.toSet());
                assertEquals(machines, commits.size());
                assertTrue(firstParents.containsAll(commits), commits + " not all on " + firstParents);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
