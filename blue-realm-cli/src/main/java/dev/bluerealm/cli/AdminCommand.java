package dev.bluerealm.cli;

import dev.bluerealm.Realm;
import dev.bluerealm.RealmException;
import dev.bluerealm.admin.DomainRequest;
import dev.bluerealm.admin.DomainResult;
import dev.bluerealm.admin.InitRequest;
import dev.bluerealm.admin.InitResult;
import dev.bluerealm.admin.JoinRequest;
import dev.bluerealm.admin.JoinResult;
import dev.bluerealm.admin.LeaveRequest;
import dev.bluerealm.admin.LeaveResult;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.DomainModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blue realm admin init|join|domain|leave} (subcommands: {@link CommandTree}). */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Create and manage the realm.")
final class AdminCommand {

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create a realm. Without --url its remote is a local bare repo at $BLUE_HOME/remotes/NAME.git.",
                    "With --forgejo the realm repo is created on that Forgejo and its pull requests live there"
                            + " (token: BLUE_FORGEJO_TOKEN or the credentials chain; see docs/forgejo.md)."},
            footer = {"", "Example:", "  blue realm admin init --name letemcook",
                    "  blue realm admin init --name letemcook --forgejo https://git.example.com --org realms"})
    static final class Init implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Option(names = "--name", required = true, description = "The realm's name.")
        String name;

        @Option(names = "--url", description = "An empty git repository to hold the realm (any git remote).")
        String url;

        @Option(names = "--forgejo", paramLabel = "URL",
                description = "Create the realm repo on this Forgejo (https://host[/path]); its pull requests live there.")
        String forgejo;

        @Option(names = "--org", description = "With --forgejo: the organization to create the realm repo in"
                + " (default: the token's user).")
        String org;

        Init(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            PrintWriter out = spec.commandLine().getOut();
            if (url != null && forgejo != null || org != null && forgejo == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), url != null
                        ? "give either --url or --forgejo, not both" : "--org needs --forgejo");
            }
            try (Realm realm = Realm.init(new InitRequest(name, url, forgejo, org), context.options().build())) {
                InitResult r = realm.initResult().orElseThrow();
                dev.bluerealm.model.ForgeConfig forge = realm.model().config().forge();
                if (common.json) {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    m.put("realm", JsonValue.string(r.realm()));
                    m.put("url", JsonValue.string(r.url()));
                    m.put("created_remote", JsonValue.bool(r.createdRemote()));
                    if (forge != null) {
                        Map<String, JsonValue> f = new LinkedHashMap<>();
                        f.put("type", JsonValue.string(forge.type().yaml()));
                        f.put("url", JsonValue.string(forge.url()));
                        f.put("repo", JsonValue.string(forge.repo()));
                        m.put("forge", JsonValue.object(f));
                    }
                    m.put("checkout", JsonValue.string(r.checkout().toString()));
                    m.put("write", Output.json(r.write()));
                    out.println(JsonValue.object(m).toPrettyJson());
                    return 0;
                }
                if (forge != null) {
                    out.println(Output.OK + " Created realm repo in Forgejo: "
                            + forge.url().replaceFirst("^https?://", "") + "/" + forge.repo());
                } else {
                    out.println(Output.OK + (r.createdRemote() ? " Created realm repo: " : " Using realm repo: ") + r.url());
                }
                out.println(Output.OK + " Cloned to " + r.checkout() + "/");
                out.println(Output.OK + " Created realm.yaml");
                out.println(Output.OK + " Pushed to " + (forge != null ? "Forgejo" : r.url()));
            }
            return 0;
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Register this repo in a realm and write its .blue/config.yaml.",
            footer = {"", "Example:", "  cd aperture && blue realm admin join letemcook"})
    static final class Join implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Parameters(index = "0", paramLabel = "REALM", description = "The realm's name.")
        String realm;

        @Option(names = "--url", description = "The realm's URL, when it is not known in $BLUE_HOME yet.")
        String url;

        @Option(names = "--as", paramLabel = "NAME", description = "The repo's name in the realm (default: its folder's).")
        String as;

        Join(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            PrintWriter out = spec.commandLine().getOut();
            try (Realm r = Realm.open(context.options().realm(realm).url(url).build())) {
                JoinResult result = r.join(new JoinRequest(Path.of("."), as));
                if (common.json) {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    m.put("realm", JsonValue.string(result.realm()));
                    m.put("repo", JsonValue.string(result.repo()));
                    m.put("already_member", JsonValue.bool(result.alreadyMember()));
                    m.put("config", result.config() == null ? JsonValue.NULL : JsonValue.string(result.config().toString()));
                    m.put("pull_request", result.pullRequest() == null ? JsonValue.NULL
                            : JsonValue.number(result.pullRequest()));
                    m.put("detected", JsonValue.array(result.detected().stream().map(d -> {
                        Map<String, JsonValue> dm = new LinkedHashMap<>();
                        dm.put("domain", JsonValue.string(d.domain()));
                        dm.put("role", JsonValue.string(d.role()));
                        dm.put("imports", JsonValue.array(d.imports().stream().map(JsonValue::string).toList()));
                        dm.put("exports", JsonValue.array(d.exports().stream().map(JsonValue::string).toList()));
                        return JsonValue.object(dm);
                    }).toList()));
                    m.put("write", Output.json(result.write()));
                    out.println(JsonValue.object(m).toPrettyJson());
                    return 0;
                }
                if (result.pullRequest() != null) {
                    out.println("⏳ Join request: PR #" + result.pullRequest() + " \"join: " + result.repo() + "\"");
                    out.println("  The realm's admission is 'approval': an approver runs `blue realm approve "
                            + result.pullRequest() + "`,");
                    out.println("  then run `blue realm admin join " + result.realm() + "` here again to finish.");
                    return 0;
                }
                if (result.alreadyMember()) {
                    out.println(Output.OK + " " + result.repo() + " is already a member of realm '" + result.realm() + "'");
                } else {
                    out.println(Output.OK + " Created repos/" + result.repo() + ".yaml in realm");
                }
                for (JoinResult.DetectedBinding d : result.detected()) {
                    d.imports().forEach(c -> out.println(Output.OK + " Detected import: " + c + " in domain " + d.domain()));
                    d.exports().forEach(c -> out.println(Output.OK + " Detected export: " + c + " in domain " + d.domain()));
                }
                out.println(Output.OK + " Created " + context.cwd().relativize(result.config()) + " locally");
                Output.pushed(out, result.write());
            }
            return 0;
        }
    }

    /** {@code blue realm admin domain create|list} (subcommands: {@link CommandTree}). */
    @Command(name = "domain", mixinStandardHelpOptions = true, description = "Create and list domains.")
    static final class DomainGroup {}

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a domain: the first repo provides, the others consume. Refused if it would create a cycle.",
            footer = {"", "Example:", "  blue realm admin domain create s3-access \\",
                    "      --repos aperture,fungal-image-analysis --contract s3-permissions"})
    static final class DomainCreate implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Parameters(index = "0", paramLabel = "NAME", description = "The domain's name.")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Members members;

        static final class Members {
            @Option(names = "--repos", split = ",", paramLabel = "REPO",
                    description = "Members, provider first: a,b[,c...].")
            List<String> repos;

            @ArgGroup(exclusive = false)
            Explicit explicit;
        }

        static final class Explicit {
            @Option(names = "--provider", required = true, paramLabel = "REPO", description = "The providing repo.")
            String provider;

            @Option(names = "--consumers", required = true, split = ",", paramLabel = "REPO",
                    description = "The consuming repos.")
            List<String> consumers;
        }

        @Option(names = "--contract", paramLabel = "NAME", description = "Also create a contract skeleton owned by the provider.")
        String contract;

        @Option(names = "--description", description = "What the domain coordinates.")
        String description;

        DomainCreate(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            DomainRequest request;
            if (members.repos != null) {
                DomainRequest r = DomainRequest.ofRepos(name, members.repos, contract);
                request = new DomainRequest(name, description, r.provider(), r.consumers(), contract);
            } else {
                request = new DomainRequest(name, description, members.explicit.provider, members.explicit.consumers,
                        contract);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Realm realm = Realm.open(context.options().build())) {
                DomainResult result = realm.createDomain(request);
                List<Finding> pending = realm.findings().stream()
                        .filter(f -> f.code().equals("PENDING_MEMBER") && name.equals(f.domain())).toList();
                if (common.json) {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    m.put("domain", JsonValue.string(result.domain()));
                    m.put("write", Output.json(result.write()));
                    m.put("findings", JsonValue.array(pending.stream().map(Output::json).toList()));
                    out.println(JsonValue.object(m).toPrettyJson());
                    return 0;
                }
                Output.changes(out, result.write());
                pending.forEach(f -> out.println(Output.INFO + " " + f.repo() + " has not joined the realm yet (pending member)"));
                Output.pushed(out, result.write());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the realm's domains.",
            footer = {"", "Example:", "  blue realm admin domain list"})
    static final class DomainList implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        DomainList(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            PrintWriter out = spec.commandLine().getOut();
            try (Realm realm = Realm.open(context.options().build())) {
                List<JsonValue> json = new ArrayList<>();
                if (!common.json && realm.model().domains().isEmpty()) {
                    out.println("No domains in realm '" + realm.name() + "' yet.");
                }
                for (DomainModel d : realm.model().domains().values()) {
                    List<String> members = d.domain().members().stream().map(m -> m + d.binding(m)
                            .map(b -> " (" + b.role().yaml() + ")").orElse("")).toList();
                    List<String> contracts = d.contracts().values().stream()
                            .map(c -> c.name() + " v" + c.version()).toList();
                    if (common.json) {
                        Map<String, JsonValue> m = new LinkedHashMap<>();
                        m.put("name", JsonValue.string(d.name()));
                        m.put("description", JsonValue.stringOrNull(d.domain().description()));
                        m.put("members", JsonValue.array(d.domain().members().stream().map(mb -> {
                            Map<String, JsonValue> mm = new LinkedHashMap<>();
                            mm.put("repo", JsonValue.string(mb));
                            mm.put("role", JsonValue.stringOrNull(d.binding(mb).map(b -> b.role().yaml()).orElse(null)));
                            return JsonValue.object(mm);
                        }).toList()));
                        m.put("contracts", JsonValue.array(d.contracts().values().stream().map(c -> {
                            Map<String, JsonValue> cm = new LinkedHashMap<>();
                            cm.put("name", JsonValue.string(c.name()));
                            cm.put("version", JsonValue.string(c.version().toString()));
                            cm.put("owner", JsonValue.string(c.owner()));
                            return JsonValue.object(cm);
                        }).toList()));
                        json.add(JsonValue.object(m));
                    } else {
                        out.println(d.name() + ": " + String.join(", ", members)
                                + (contracts.isEmpty() ? "" : "; contracts: " + String.join(", ", contracts)));
                    }
                }
                if (common.json) {
                    out.println(JsonValue.object("realm", JsonValue.string(realm.name()),
                            "domains", JsonValue.array(json)).toPrettyJson());
                }
            }
            return 0;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "As an approver, invite a repo to an invite-only realm (adds it to governance.invites).",
            footer = {"", "Example:", "  blue realm admin invite ml-infra"})
    static final class Invite implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Parameters(index = "0", paramLabel = "REPO", description = "The repo's name in the realm.")
        String repo;

        Invite(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            PrintWriter out = spec.commandLine().getOut();
            try (Realm r = Realm.open(context.options().build())) {
                dev.bluerealm.admin.RealmWrite w = r.invite(repo);
                if (common.json) {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    m.put("realm", JsonValue.string(r.name()));
                    m.put("repo", JsonValue.string(repo));
                    m.put("write", Output.json(w));
                    out.println(JsonValue.object(m).toPrettyJson());
                    return 0;
                }
                out.println(Output.OK + (w.commit() == null ? " " + repo + " was invited already"
                        : " Invited " + repo + " to realm '" + r.name() + "' (governance.invites in realm.yaml)"));
                Output.pushed(out, w);
            }
            return 0;
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true,
            description = "Remove this repo (or --repo NAME) and its bindings from the realm.",
            footer = {"", "Example:", "  cd fungal-image-analysis && blue realm admin leave"})
    static final class Leave implements Callable<Integer> {
        private final CliContext context;
        @Spec CommandSpec spec;
        @Mixin Common common;

        @Option(names = "--repo", paramLabel = "NAME", description = "The repo to remove (default: this one).")
        String repo;

        @Option(names = "--force", description = "Leave even while other repos import a contract this repo owns.")
        boolean force;

        Leave(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws RealmException {
            PrintWriter out = spec.commandLine().getOut();
            try (Realm realm = Realm.open(context.options().build())) {
                LeaveResult r = realm.leave(new LeaveRequest(repo, force));
                if (common.json) {
                    Map<String, JsonValue> m = new LinkedHashMap<>();
                    m.put("repo", JsonValue.string(r.repo()));
                    m.put("removed_local_config", JsonValue.bool(r.removedLocalConfig()));
                    m.put("orphaned", JsonValue.array(r.orphaned().stream().map(JsonValue::string).toList()));
                    m.put("write", Output.json(r.write()));
                    out.println(JsonValue.object(m).toPrettyJson());
                    return 0;
                }
                Output.changes(out, r.write());
                if (r.removedLocalConfig()) {
                    out.println(Output.OK + " Removed .blue/config.yaml locally");
                }
                r.orphaned().forEach(c -> out.println(Output.WARN + "  " + c + " has no owner now"));
                Output.pushed(out, r.write());
            }
            return 0;
        }
    }
}
