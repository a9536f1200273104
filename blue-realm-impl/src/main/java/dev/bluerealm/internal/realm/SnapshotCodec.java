package dev.bluerealm.internal.realm;

import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.Admission;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.BreakingChanges;
import dev.bluerealm.model.Compatibility;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.Domain;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.EvolutionEntry;
import dev.bluerealm.model.ExportBinding;
import dev.bluerealm.model.Extract;
import dev.bluerealm.model.Governance;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.model.ImportStatus;
import dev.bluerealm.model.ForgeConfig;
import dev.bluerealm.model.RealmConfig;
import dev.bluerealm.model.RealmModel;
import dev.bluerealm.model.RepoEntry;
import dev.bluerealm.model.Role;
import dev.bluerealm.model.Trust;
import dev.bluerealm.model.TrustMode;
import dev.bluerealm.model.Validation;
import dev.bluerealm.version.Version;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of a {@link RealmModel} kept by {@link ModelSnapshots}. Every record is rebuilt
 * through its constructor, so a snapshot cannot produce a model the YAML loader would refuse; strings
 * are interned in a table (a realm repeats its names and schema keywords thousands of times).
 *
 * <p>Not a format anyone else reads: it changes with the model, and {@link #FORMAT} is bumped then.
 */
final class SnapshotCodec {
    /** Bump whenever any record of the model, or this encoding, changes. */
    static final int FORMAT = 3;

    private static final int MAX_COUNT = 1 << 24;

    private SnapshotCodec() {}

    static void write(DataOutputStream out, RealmModel model) throws IOException {
        new Writer(out).model(model);
    }

    static RealmModel read(DataInputStream in) throws IOException {
        return new Reader(in).model();
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void model(RealmModel m) throws IOException {
            RealmConfig c = m.config();
            str(c.name());
            str(c.version());
            instant(c.createdAt());
            governance(c.governance());
            Trust t = c.trust();
            out.writeByte(t.mode().ordinal());
            out.writeBoolean(t.requireSignedCommits());
            count(t.permissions().size());
            for (Map.Entry<String, List<String>> e : t.permissions().entrySet()) {
                str(e.getKey());
                strings(e.getValue());
            }
            out.writeBoolean(c.forge() != null);
            if (c.forge() != null) {
                out.writeByte(c.forge().type().ordinal());
                str(c.forge().url());
                str(c.forge().repo());
                out.writeByte(c.forge().mergeStyle().ordinal());
            }
            count(m.repos().size());
            for (RepoEntry r : m.repos().values()) {
                str(r.name());
                str(r.org());
                str(r.path());
                str(r.url());
                strings(r.maintainers());
                instant(r.joinedAt());
            }
            count(m.domains().size());
            for (DomainModel d : m.domains().values()) {
                Domain dom = d.domain();
                str(dom.name());
                str(dom.description());
                instant(dom.createdAt());
                strings(dom.members());
                out.writeBoolean(d.governance() != null);
                if (d.governance() != null) {
                    governance(d.governance());
                }
                count(d.contracts().size());
                for (Contract k : d.contracts().values()) {
                    contract(k);
                }
                count(d.bindings().size());
                for (Binding b : d.bindings().values()) {
                    binding(b);
                }
            }
        }

        private void governance(Governance g) throws IOException {
            out.writeByte(g.admission().ordinal());
            strings(g.approvers());
            out.writeBoolean(g.breakingChanges().requireApproval());
            out.writeInt(g.breakingChanges().gracePeriodDays());
            strings(g.invites());
        }

        private void contract(Contract k) throws IOException {
            str(k.name());
            str(k.version().toString());
            str(k.owner());
            out.writeBoolean(k.compatibility().backwards());
            out.writeBoolean(k.compatibility().forwards());
            json(k.schema());
            json(k.value());
            Validation v = k.validation();
            out.writeBoolean(v != null);
            if (v != null) {
                str(v.exporter());
                str(v.importer());
                strings(v.ciOnly());
            }
            count(k.evolution().size());
            for (EvolutionEntry e : k.evolution()) {
                str(e.version().toString());
                strings(e.changes());
                out.writeBoolean(e.compatible());
            }
        }

        private void binding(Binding b) throws IOException {
            str(b.repo());
            out.writeByte(b.role().ordinal());
            count(b.exports().size());
            for (ExportBinding e : b.exports()) {
                str(e.contract());
                strings(e.sourceFiles());
                Extract x = e.extract();
                if (x == null) {
                    out.writeByte(0);
                } else if (x instanceof Extract.Markers) {
                    out.writeByte(1);
                } else if (x instanceof Extract.File) {
                    out.writeByte(2);
                    str(((Extract.File) x).ref());
                } else {
                    out.writeByte(3);
                    str(((Extract.Command) x).command());
                }
            }
            count(b.imports().size());
            for (ImportBinding i : b.imports()) {
                str(i.contract());
                str(i.range());
                str(i.binding());
                out.writeByte(i.status() == null ? -1 : i.status().ordinal());
                str(i.resolvedVersion());
                instant(i.resolvedAt());
            }
        }

        private void json(JsonValue v) throws IOException {
            if (v instanceof JsonValue.JsonObject) {
                Map<String, JsonValue> members = ((JsonValue.JsonObject) v).members();
                out.writeByte('o');
                count(members.size());
                for (Map.Entry<String, JsonValue> e : members.entrySet()) {
                    str(e.getKey());
                    json(e.getValue());
                }
            } else if (v instanceof JsonValue.JsonArray) {
                List<JsonValue> items = ((JsonValue.JsonArray) v).items();
                out.writeByte('a');
                count(items.size());
                for (JsonValue item : items) {
                    json(item);
                }
            } else if (v instanceof JsonValue.JsonString) {
                out.writeByte('s');
                str(((JsonValue.JsonString) v).value());
            } else if (v instanceof JsonValue.JsonNumber) {
                BigDecimal n = ((JsonValue.JsonNumber) v).value();
                byte[] unscaled = n.unscaledValue().toByteArray();
                out.writeByte('n');
                out.writeInt(n.scale());
                count(unscaled.length);
                out.write(unscaled);
            } else if (v instanceof JsonValue.JsonBoolean) {
                out.writeByte(((JsonValue.JsonBoolean) v).value() ? 't' : 'f');
            } else {
                out.writeByte('z');
            }
        }

        private void strings(List<String> list) throws IOException {
            count(list.size());
            for (String s : list) {
                str(s);
            }
        }

        /** -1 for null; a known string's index; or -2 followed by a new string (which gets the next index). */
        private void str(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(-2);
            count(utf8.length);
            out.write(utf8);
        }

        private void instant(Instant i) throws IOException {
            out.writeBoolean(i != null);
            if (i != null) {
                out.writeLong(i.getEpochSecond());
                out.writeInt(i.getNano());
            }
        }

        private void count(int n) throws IOException {
            out.writeInt(n);
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        RealmModel model() throws IOException {
            String name = str();
            String version = str();
            Instant created = instant();
            Governance governance = governance();
            TrustMode mode = TrustMode.values()[in.readByte()];
            boolean signed = in.readBoolean();
            int permissionCount = count();
            Map<String, List<String>> permissions = new LinkedHashMap<>();
            for (int i = 0; i < permissionCount; i++) {
                permissions.put(str(), strings());
            }
            ForgeConfig forge = in.readBoolean()
                    ? new ForgeConfig(ForgeConfig.Type.values()[in.readByte()], str(), str(),
                            ForgeConfig.MergeStyle.values()[in.readByte()]) : null;
            RealmConfig config = new RealmConfig(name, version, created, governance, new Trust(mode, signed,
                    permissions), forge);
            int repoCount = count();
            Map<String, RepoEntry> repos = new TreeMap<>();
            for (int i = 0; i < repoCount; i++) {
                RepoEntry r = new RepoEntry(str(), str(), str(), str(), strings(), instant());
                repos.put(r.name(), r);
            }
            int domainCount = count();
            Map<String, DomainModel> domains = new TreeMap<>();
            for (int i = 0; i < domainCount; i++) {
                Domain domain = new Domain(str(), str(), instant(), strings());
                Governance g = in.readBoolean() ? governance() : null;
                int contractCount = count();
                Map<String, Contract> contracts = new TreeMap<>();
                for (int j = 0; j < contractCount; j++) {
                    Contract c = contract();
                    contracts.put(c.name(), c);
                }
                int bindingCount = count();
                Map<String, Binding> bindings = new TreeMap<>();
                for (int j = 0; j < bindingCount; j++) {
                    Binding b = binding();
                    bindings.put(b.repo(), b);
                }
                domains.put(domain.name(), new DomainModel(domain, g, contracts, bindings));
            }
            return new RealmModel(config, repos, domains);
        }

        private Governance governance() throws IOException {
            Admission admission = Admission.values()[in.readByte()];
            List<String> approvers = strings();
            BreakingChanges breaking = new BreakingChanges(in.readBoolean(), in.readInt());
            return new Governance(admission, approvers, breaking, strings());
        }

        private Contract contract() throws IOException {
            String name = str();
            Version version = Version.parse(str());
            String owner = str();
            Compatibility compatibility = new Compatibility(in.readBoolean(), in.readBoolean());
            JsonValue schema = json(0);
            JsonValue value = json(0);
            Validation validation = in.readBoolean() ? new Validation(str(), str(), strings()) : null;
            int n = count();
            List<EvolutionEntry> evolution = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                evolution.add(new EvolutionEntry(Version.parse(str()), strings(), in.readBoolean()));
            }
            return new Contract(name, version, owner, compatibility, schema, value, validation, evolution);
        }

        private Binding binding() throws IOException {
            String repo = str();
            Role role = Role.values()[in.readByte()];
            int exportCount = count();
            List<ExportBinding> exports = new ArrayList<>(exportCount);
            for (int i = 0; i < exportCount; i++) {
                String contract = str();
                List<String> files = strings();
                int kind = in.readByte();
                Extract extract = kind == 0 ? null : kind == 1 ? Extract.MARKERS
                        : kind == 2 ? new Extract.File(str()) : new Extract.Command(str());
                exports.add(new ExportBinding(contract, files, extract));
            }
            int importCount = count();
            List<ImportBinding> imports = new ArrayList<>(importCount);
            for (int i = 0; i < importCount; i++) {
                String contract = str();
                String range = str();
                String file = str();
                int status = in.readByte();
                imports.add(new ImportBinding(contract, range, file, status < 0 ? null : ImportStatus.values()[status],
                        str(), instant()));
            }
            return new Binding(repo, role, exports, imports);
        }

        private JsonValue json(int depth) throws IOException {
            if (depth > 10_000) {
                throw new IOException("snapshot nests too deeply");
            }
            int tag = in.readByte();
            switch (tag) {
                case 'o': {
                    int n = count();
                    Map<String, JsonValue> members = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        members.put(str(), json(depth + 1));
                    }
                    return new JsonValue.JsonObject(members);
                }
                case 'a': {
                    int n = count();
                    List<JsonValue> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(json(depth + 1));
                    }
                    return new JsonValue.JsonArray(items);
                }
                case 's':
                    return new JsonValue.JsonString(str());
                case 'n': {
                    int scale = in.readInt();
                    byte[] unscaled = new byte[count()];
                    in.readFully(unscaled);
                    return new JsonValue.JsonNumber(new BigDecimal(new BigInteger(unscaled), scale));
                }
                case 't':
                    return new JsonValue.JsonBoolean(true);
                case 'f':
                    return new JsonValue.JsonBoolean(false);
                case 'z':
                    return JsonValue.NULL;
                default:
                    throw new IOException("bad JSON tag " + tag + " in snapshot");
            }
        }

        private List<String> strings() throws IOException {
            int n = count();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(str());
            }
            return list;
        }

        private String str() throws IOException {
            int ref = in.readInt();
            if (ref == -1) {
                return null;
            }
            if (ref == -2) {
                byte[] utf8 = new byte[count()];
                in.readFully(utf8);
                String s = new String(utf8, StandardCharsets.UTF_8);
                strings.add(s);
                return s;
            }
            if (ref < 0 || ref >= strings.size()) {
                throw new IOException("bad string reference " + ref + " in snapshot");
            }
            return strings.get(ref);
        }

        private Instant instant() throws IOException {
            return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("bad count " + n + " in snapshot");
            }
            return n;
        }
    }
}
