package dev.bluerealm.internal.yaml;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.LoadError;
import dev.bluerealm.model.ForgeConfig;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmRef;
import dev.bluerealm.model.RepoConfig;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.model.Validation;
import dev.bluerealm.version.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes every realm file of DESIGN §3. Reading reports every load error of a file
 * (file:line:column); writing is deterministic (fixed key order, RFC layout), so rewriting an
 * unchanged model is byte-identical.
 */
public final class RealmCodec {
    private final YamlReader reader;
    private YamlWriter writer; // built on first write: reading a realm never needs Jackson's mapper

    public RealmCodec(YamlLimits limits) {
        this.reader = new YamlReader(limits);
    }

    public RealmCodec() {
        this(YamlLimits.DEFAULT);
    }

    /** A decoded file: the value, or null with the errors that kept it from loading. */
    public record Decoded<T>(T value, List<LoadError> errors) {
        public Decoded {
            errors = List.copyOf(errors);
        }
    }

    // ---------------------------------------------------------------- reading

    public Decoded<RealmConfig> realmConfig(String file, byte[] bytes) {
        return decode(file, bytes, "realm.yaml", this::realmConfig);
    }

    public Decoded<RepoEntry> repo(String file, byte[] bytes) {
        return decode(file, bytes, "a repo file", this::repo);
    }

    public Decoded<Domain> domain(String file, byte[] bytes) {
        return decode(file, bytes, "domain.yaml", this::domain);
    }

    public Decoded<Governance> governanceFile(String file, byte[] bytes) {
        return decode(file, bytes, "governance.yaml", (d, n) -> governance(d, n, "governance.yaml"));
    }

    public Decoded<Contract> contract(String file, byte[] bytes) {
        return decode(file, bytes, "a contract", this::contract);
    }

    public Decoded<Binding> binding(String file, byte[] bytes) {
        return decode(file, bytes, "a binding", this::binding);
    }

    public Decoded<RepoConfig> repoConfig(String file, byte[] bytes) {
        return decode(file, bytes, ".blue/config.yaml", this::repoConfig);
    }

    private interface Reading<T> {
        T read(Decoder d, YamlNode root);
    }

    private <T> Decoded<T> decode(String file, byte[] bytes, String what, Reading<T> reading) {
        YamlDocument doc = reader.read(file, bytes);
        if (!doc.ok()) {
            return new Decoded<>(null, doc.errors());
        }
        Decoder d = new Decoder(file);
        if (doc.root() == null) {
            d.error(null, "file is empty; expected " + what);
            return new Decoded<>(null, d.errors());
        }
        T value = reading.read(d, doc.root());
        return new Decoded<>(d.ok() ? value : null, d.errors());
    }

    /** Builds a record, turning a constructor's IllegalArgumentException into a load error at {@code at}. */
    private static <T> T build(Decoder d, YamlNode at, java.util.function.Supplier<T> constructor) {
        if (!d.ok()) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            d.error(at, e.getMessage());
            return null;
        }
    }

    private RealmConfig realmConfig(Decoder d, YamlNode root) {
        Decoder.Fields f = d.fields(root, "realm.yaml", orderedSet("name", "version", "created_at"),
                orderedSet("governance", "trust", "forge"));
        if (f == null) {
            return null;
        }
        String name = f.get("name") == null ? null : d.name(f.get("name"), "realm", "name");
        String version = f.get("version") == null ? null : d.string(f.get("version"), "version");
        Instant created = f.get("created_at") == null ? null : d.timestamp(f.get("created_at"), "created_at");
        Governance governance = f.has("governance") ? governance(d, f.get("governance"), "governance")
                : Governance.defaults(List.of());
        Trust trust = f.has("trust") ? trust(d, f.get("trust")) : Trust.DEFAULT;
        ForgeConfig forge = f.has("forge") ? forge(d, f.get("forge")) : null;
        if (f.has("forge") && forge == null) {
            return null;
        }
        return build(d, root, () -> new RealmConfig(name, version, created, governance, trust, forge));
    }

    private ForgeConfig forge(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "forge", orderedSet("type", "url", "repo"), orderedSet("merge_style"));
        if (f == null) {
            return null;
        }
        ForgeConfig.Type type = f.get("type") == null ? null : enumValue(d, f.get("type"), "type",
                ForgeConfig.Type.values(), ForgeConfig.Type::yaml);
        String url = f.get("url") == null ? null : d.string(f.get("url"), "url");
        String repo = f.get("repo") == null ? null : d.string(f.get("repo"), "repo");
        ForgeConfig.MergeStyle style = f.get("merge_style") == null ? ForgeConfig.MergeStyle.MERGE
                : enumValue(d, f.get("merge_style"), "merge_style", ForgeConfig.MergeStyle.values(),
                        ForgeConfig.MergeStyle::yaml);
        if (type == null || url == null || repo == null || style == null) {
            return null;
        }
        return build(d, node, () -> new ForgeConfig(type, url, repo, style));
    }

    private Governance governance(Decoder d, YamlNode node, String what) {
        Decoder.Fields f = d.fields(node, what, orderedSet(), orderedSet("admission", "approvers", "invites",
                "breaking_changes"));
        if (f == null) {
            return null;
        }
        Admission admission = f.has("admission") ? enumValue(d, f.get("admission"), "admission",
                Admission.values(), Admission::yaml) : Admission.APPROVAL;
        List<String> approvers = f.has("approvers") ? d.strings(f.get("approvers"), "approvers") : List.of();
        List<String> invites = f.has("invites") ? d.names(f.get("invites"), "repo", "invites") : List.of();
        BreakingChanges breaking = BreakingChanges.DEFAULT;
        if (f.has("breaking_changes")) {
            Decoder.Fields b = d.fields(f.get("breaking_changes"), "breaking_changes", orderedSet(),
                    orderedSet("require_approval", "grace_period_days"));
            if (b != null) {
                Boolean approval = b.has("require_approval") ? d.bool(b.get("require_approval"), "require_approval")
                        : Boolean.TRUE;
                Integer grace = b.has("grace_period_days")
                        ? d.integer(b.get("grace_period_days"), "grace_period_days", 0, 3650) : Integer.valueOf(14);
                breaking = approval == null || grace == null ? null : new BreakingChanges(approval, grace);
            }
        }
        BreakingChanges bc = breaking;
        return build(d, node, () -> new Governance(admission, approvers, bc, invites));
    }

    private Trust trust(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "trust", orderedSet(), orderedSet("mode", "require_signed_commits",
                "permissions"));
        if (f == null) {
            return null;
        }
        TrustMode mode = f.has("mode") ? enumValue(d, f.get("mode"), "mode", TrustMode.values(), TrustMode::yaml)
                : TrustMode.COLLABORATIVE;
        Boolean signed = f.has("require_signed_commits") ? d.bool(f.get("require_signed_commits"),
                "require_signed_commits") : Boolean.FALSE;
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        if (f.has("permissions")) {
            YamlNode p = f.get("permissions");
            if (p instanceof YamlNode.Mapping) {
                for (YamlNode.Mapping.Entry e : ((YamlNode.Mapping) p).entries()) {
                    List<String> roles = d.strings(e.value(), "permissions." + e.key().text());
                    if (roles != null) {
                        permissions.put(e.key().text(), roles);
                    }
                }
            } else {
                d.error(p, "expected 'permissions' to be a mapping of path patterns to roles, found " + p.describe());
            }
        }
        return build(d, node, () -> new Trust(mode, signed, permissions));
    }

    private RepoEntry repo(Decoder d, YamlNode root) {
        Decoder.Fields f = d.fields(root, "a repo file", orderedSet("name", "joined_at"),
                orderedSet("org", "path", "url", "maintainers"));
        if (f == null) {
            return null;
        }
        String name = f.get("name") == null ? null : d.name(f.get("name"), "repo", "name");
        String org = d.optionalString(f, "org");
        String path = d.optionalString(f, "path");
        String url = d.optionalString(f, "url");
        if (path != null && url != null) {
            d.error(f.key("url"), "give either 'path' or 'url', not both");
        }
        List<String> maintainers = f.has("maintainers") ? d.strings(f.get("maintainers"), "maintainers") : List.of();
        Instant joined = f.get("joined_at") == null ? null : d.timestamp(f.get("joined_at"), "joined_at");
        return build(d, root, () -> new RepoEntry(name, org, path, url, maintainers, joined));
    }

    private Domain domain(Decoder d, YamlNode root) {
        Decoder.Fields f = d.fields(root, "domain.yaml", orderedSet("name", "created_at", "members"),
                orderedSet("description"));
        if (f == null) {
            return null;
        }
        String name = f.get("name") == null ? null : d.name(f.get("name"), "domain", "name");
        String description = d.optionalString(f, "description");
        Instant created = f.get("created_at") == null ? null : d.timestamp(f.get("created_at"), "created_at");
        List<String> members = f.get("members") == null ? null : d.names(f.get("members"), "repo", "members");
        return build(d, root, () -> new Domain(name, description, created, members));
    }

    private Contract contract(Decoder d, YamlNode root) {
        Decoder.Fields f = d.fields(root, "a contract", orderedSet("name", "version", "owner", "schema", "value"),
                orderedSet("compatibility", "validation", "evolution"));
        if (f == null) {
            return null;
        }
        String name = f.get("name") == null ? null : d.name(f.get("name"), "contract", "name");
        Version version = f.get("version") == null ? null : d.version(f.get("version"), "version");
        String owner = f.get("owner") == null ? null : d.name(f.get("owner"), "repo", "owner");
        Compatibility compatibility = Compatibility.DEFAULT;
        if (f.has("compatibility")) {
            Decoder.Fields c = d.fields(f.get("compatibility"), "compatibility", orderedSet(),
                    orderedSet("backwards", "forwards"));
            if (c != null) {
                Boolean back = c.has("backwards") ? d.bool(c.get("backwards"), "backwards") : Boolean.TRUE;
                Boolean fwd = c.has("forwards") ? d.bool(c.get("forwards"), "forwards") : Boolean.FALSE;
                compatibility = back == null || fwd == null ? null : new Compatibility(back, fwd);
            }
        }
        JsonValue schema = f.get("schema") == null ? null : d.json(f.get("schema"), "schema");
        JsonValue value = f.get("value") == null ? null : d.json(f.get("value"), "value");
        Validation validation = f.has("validation") ? validation(d, f.get("validation")) : null;
        List<EvolutionEntry> evolution = f.has("evolution") ? d.list(f.get("evolution"), "evolution",
                n -> evolution(d, n)) : List.of();
        Compatibility comp = compatibility;
        return build(d, root, () -> new Contract(name, version, owner, comp, schema, value, validation, evolution));
    }

    private Validation validation(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "validation", orderedSet(), orderedSet("exporter", "importer", "ci_only"));
        if (f == null) {
            return null;
        }
        String exporter = d.optionalString(f, "exporter");
        String importer = d.optionalString(f, "importer");
        List<String> ciOnly = f.has("ci_only") ? d.strings(f.get("ci_only"), "ci_only") : List.of();
        return build(d, node, () -> new Validation(exporter, importer, ciOnly));
    }

    private EvolutionEntry evolution(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "an evolution entry", orderedSet("version", "changes"),
                orderedSet("compatible"));
        if (f == null) {
            return null;
        }
        Version version = f.get("version") == null ? null : d.version(f.get("version"), "evolution version");
        List<String> changes = f.get("changes") == null ? null : d.strings(f.get("changes"), "changes");
        Boolean compatible = f.has("compatible") ? d.bool(f.get("compatible"), "compatible") : Boolean.TRUE;
        return build(d, node, () -> new EvolutionEntry(version, changes, compatible));
    }

    private Binding binding(Decoder d, YamlNode root) {
        Decoder.Fields f = d.fields(root, "a binding", orderedSet("repo", "role"), orderedSet("exports", "imports"));
        if (f == null) {
            return null;
        }
        String repo = f.get("repo") == null ? null : d.name(f.get("repo"), "repo", "repo");
        Role role = f.get("role") == null ? null : enumValue(d, f.get("role"), "role", Role.values(), Role::yaml);
        List<ExportBinding> exports = f.has("exports") ? d.list(f.get("exports"), "exports", n -> export(d, n))
                : List.of();
        List<ImportBinding> imports = f.has("imports") ? d.list(f.get("imports"), "imports", n -> importOf(d, n))
                : List.of();
        return build(d, root, () -> new Binding(repo, role, exports, imports));
    }

    private ExportBinding export(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "an export", orderedSet("contract", "source_files"), orderedSet("extract"));
        if (f == null) {
            return null;
        }
        String contract = f.get("contract") == null ? null : d.name(f.get("contract"), "contract", "contract");
        List<String> sources = f.get("source_files") == null ? null : d.strings(f.get("source_files"), "source_files");
        Extract extract = f.has("extract") ? extract(d, f.get("extract")) : Extract.MARKERS;
        return build(d, node, () -> new ExportBinding(contract, sources, extract));
    }

    private Extract extract(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "extract", orderedSet(), orderedSet("markers", "file", "command"));
        if (f == null) {
            return null;
        }
        int given = (f.has("markers") ? 1 : 0) + (f.has("file") ? 1 : 0) + (f.has("command") ? 1 : 0);
        if (given != 1) {
            d.error(node, "'extract' takes exactly one of markers: true, file: PATH[#/pointer], command: SCRIPT");
            return null;
        }
        if (f.has("markers")) {
            Boolean markers = d.bool(f.get("markers"), "markers");
            if (Boolean.FALSE.equals(markers)) {
                d.error(f.get("markers"), "'markers: false' names no way to extract; use file or command instead");
            }
            return markers == null ? null : Extract.MARKERS;
        }
        if (f.has("file")) {
            String file = d.string(f.get("file"), "file");
            return build(d, node, () -> new Extract.File(file));
        }
        String command = d.string(f.get("command"), "command");
        return build(d, node, () -> new Extract.Command(command));
    }

    private ImportBinding importOf(Decoder d, YamlNode node) {
        Decoder.Fields f = d.fields(node, "an import", orderedSet("contract", "version"),
                orderedSet("binding", "status", "resolved_version", "resolved_at"));
        if (f == null) {
            return null;
        }
        String contract = f.get("contract") == null ? null : d.name(f.get("contract"), "contract", "contract");
        // kept as written: a range that does not parse is a finding for `realm check`, not a load error
        String range = f.get("version") == null ? null : d.string(f.get("version"), "version");
        String binding = d.optionalString(f, "binding");
        ImportStatus status = f.has("status") ? enumValue(d, f.get("status"), "status", ImportStatus.values(),
                ImportStatus::yaml) : null;
        String resolved = d.optionalString(f, "resolved_version");
        Instant resolvedAt = f.has("resolved_at") ? d.timestamp(f.get("resolved_at"), "resolved_at") : null;
        return build(d, node, () -> new ImportBinding(contract, range, binding, status, resolved, resolvedAt));
    }

    private RepoConfig repoConfig(Decoder d, YamlNode root) {
        Decoder.Fields f = d.fields(root, ".blue/config.yaml", orderedSet("realm", "repo"), orderedSet());
        if (f == null) {
            return null;
        }
        RealmRef realm = null;
        if (f.get("realm") != null) {
            Decoder.Fields r = d.fields(f.get("realm"), "realm", orderedSet("name", "url"), orderedSet());
            if (r != null) {
                String name = r.get("name") == null ? null : d.name(r.get("name"), "realm", "name");
                String url = r.get("url") == null ? null : d.string(r.get("url"), "url");
                realm = build(d, f.get("realm"), () -> new RealmRef(name, url));
            }
        }
        String repo = f.get("repo") == null ? null : d.name(f.get("repo"), "repo", "repo");
        RealmRef ref = realm;
        return build(d, root, () -> new RepoConfig(ref, repo));
    }

    private static <E> E enumValue(Decoder d, YamlNode node, String field, E[] values, Function<E, String> yaml) {
        String s = d.string(node, field);
        if (s == null) {
            return null;
        }
        for (E e : values) {
            if (yaml.apply(e).equals(s)) {
                return e;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (E e : values) {
            expected.append(expected.length() == 0 ? "" : " | ").append(yaml.apply(e));
        }
        d.error(node, "'" + field + "' must be one of " + expected + ", found '" + s + "'");
        return null;
    }

    private static Set<String> orderedSet(String... keys) {
        return new java.util.LinkedHashSet<>(List.of(keys));
    }

    // ---------------------------------------------------------------- writing

    public byte[] write(RealmConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("version", c.version());
        m.put("created_at", c.createdAt().toString());
        m.put("governance", governance(c.governance()));
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("mode", c.trust().mode().yaml());
        trust.put("require_signed_commits", c.trust().requireSignedCommits());
        if (!c.trust().permissions().isEmpty()) {
            trust.put("permissions", new LinkedHashMap<>(c.trust().permissions()));
        }
        m.put("trust", trust);
        if (c.forge() != null) {
            Map<String, Object> forge = new LinkedHashMap<>();
            forge.put("type", c.forge().type().yaml());
            forge.put("url", c.forge().url());
            forge.put("repo", c.forge().repo());
            if (c.forge().mergeStyle() != ForgeConfig.MergeStyle.MERGE) {
                forge.put("merge_style", c.forge().mergeStyle().yaml());
            }
            m.put("forge", forge);
        }
        return writer().write(m);
    }

    private static Map<String, Object> governance(Governance g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("admission", g.admission().yaml());
        m.put("approvers", g.approvers());
        if (!g.invites().isEmpty()) {
            m.put("invites", g.invites());
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("require_approval", g.breakingChanges().requireApproval());
        b.put("grace_period_days", g.breakingChanges().gracePeriodDays());
        m.put("breaking_changes", b);
        return m;
    }

    public byte[] write(Governance g) {
        return writer().write(governance(g));
    }

    public byte[] write(RepoEntry r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        putIf(m, "org", r.org());
        putIf(m, "path", r.path());
        putIf(m, "url", r.url());
        m.put("maintainers", r.maintainers());
        m.put("joined_at", r.joinedAt().toString());
        return writer().write(m);
    }

    public byte[] write(Domain d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        putIf(m, "description", d.description());
        m.put("created_at", d.createdAt().toString());
        m.put("members", d.members());
        return writer().write(m);
    }

    public byte[] write(Contract c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("version", c.version().toString());
        m.put("owner", c.owner());
        Map<String, Object> comp = new LinkedHashMap<>();
        comp.put("backwards", c.compatibility().backwards());
        comp.put("forwards", c.compatibility().forwards());
        m.put("compatibility", comp);
        m.put("schema", c.schema());
        m.put("value", c.value());
        if (c.validation() != null) {
            Map<String, Object> v = new LinkedHashMap<>();
            putIf(v, "exporter", c.validation().exporter());
            putIf(v, "importer", c.validation().importer());
            if (!c.validation().ciOnly().isEmpty()) {
                v.put("ci_only", c.validation().ciOnly());
            }
            m.put("validation", v);
        }
        if (!c.evolution().isEmpty()) {
            m.put("evolution", c.evolution().stream().map(e -> {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("version", e.version().toString());
                em.put("changes", e.changes());
                em.put("compatible", e.compatible());
                return em;
            }).toList());
        }
        return writer().write(m);
    }

    public byte[] write(Binding b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repo", b.repo());
        m.put("role", b.role().yaml());
        if (!b.exports().isEmpty()) {
            m.put("exports", b.exports().stream().map(e -> {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("contract", e.contract());
                em.put("source_files", e.sourceFiles());
                if (e.extract() instanceof Extract.File) {
                    em.put("extract", Map.of("file", ((Extract.File) e.extract()).ref()));
                } else if (e.extract() instanceof Extract.Command) {
                    em.put("extract", Map.of("command", ((Extract.Command) e.extract()).command()));
                }
                return em;
            }).toList());
        }
        if (!b.imports().isEmpty()) {
            m.put("imports", b.imports().stream().map(i -> {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("contract", i.contract());
                im.put("version", i.range());
                putIf(im, "binding", i.binding());
                if (i.status() != null) {
                    im.put("status", i.status().yaml());
                }
                putIf(im, "resolved_version", i.resolvedVersion());
                if (i.resolvedAt() != null) {
                    im.put("resolved_at", i.resolvedAt().toString());
                }
                return im;
            }).toList());
        }
        return writer().write(m);
    }

    public byte[] write(RepoConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("name", c.realm().name());
        realm.put("url", c.realm().url());
        m.put("realm", realm);
        m.put("repo", c.repo());
        return writer().write(m);
    }

    private synchronized YamlWriter writer() {
        if (writer == null) {
            writer = new YamlWriter();
        }
        return writer;
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
