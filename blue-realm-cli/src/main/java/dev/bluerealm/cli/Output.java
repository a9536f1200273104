package dev.bluerealm.cli;

import dev.bluerealm.RealmException;
import dev.bluerealm.RealmLoadException;
import dev.bluerealm.admin.FileChange;
import dev.bluerealm.admin.RealmWrite;
import dev.bluerealm.contract.Finding;
import dev.bluerealm.json.JsonValue;
import dev.bluerealm.model.LoadError;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Human and JSON renderings shared by the commands. The icons are the RFC's. */
final class Output {
    static final String OK = "✓";
    static final String INFO = "ℹ";
    static final String WARN = "⚠️";
    static final String ERROR = "✗";
    static final String WAIT = "⏳";

    private Output() {}

    /** One line per problem: a load error lists every file:line:column. */
    static String error(RealmException e) {
        if (e instanceof RealmLoadException) {
            List<LoadError> errors = ((RealmLoadException) e).errors();
            if (errors.size() == 1) {
                return "Error: " + errors.get(0);
            }
            StringBuilder out = new StringBuilder("Error: the realm cannot be loaded (" + errors.size() + " problems):");
            errors.forEach(x -> out.append("\n  ").append(x));
            return out.toString();
        }
        return "Error: " + e.getMessage();
    }

    static JsonValue json(LoadError e) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("file", JsonValue.string(e.file()));
        m.put("line", JsonValue.number(e.line()));
        m.put("column", JsonValue.number(e.column()));
        m.put("message", JsonValue.string(e.message()));
        return JsonValue.object(m);
    }

    static JsonValue json(Finding f) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("severity", JsonValue.string(f.severity().json()));
        m.put("code", JsonValue.string(f.code()));
        m.put("message", JsonValue.string(f.message()));
        m.put("domain", JsonValue.stringOrNull(f.domain()));
        m.put("contract", JsonValue.stringOrNull(f.contract()));
        m.put("repo", JsonValue.stringOrNull(f.repo()));
        m.put("file", JsonValue.stringOrNull(f.file()));
        m.put("line", f.line() > 0 ? JsonValue.number(f.line()) : JsonValue.NULL);
        return JsonValue.object(m);
    }

    static JsonValue json(RealmWrite w) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("changes", JsonValue.array(w.changes().stream().map(c -> {
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("kind", JsonValue.string(c.kind().name().toLowerCase(java.util.Locale.ROOT)));
            cm.put("path", JsonValue.string(c.path()));
            cm.put("note", JsonValue.stringOrNull(c.note()));
            return JsonValue.object(cm);
        }).toList()));
        m.put("commit", JsonValue.stringOrNull(w.commit()));
        m.put("remote", JsonValue.string(w.remote()));
        return JsonValue.object(m);
    }

    /** "✓ Created domains/s3-access/domain.yaml", one line per changed file. */
    static void changes(PrintWriter out, RealmWrite w) {
        for (FileChange c : w.changes()) {
            String verb = c.kind() == FileChange.Kind.CREATED ? "Created" : c.kind() == FileChange.Kind.UPDATED
                    ? "Updated" : "Removed";
            out.println(OK + " " + verb + " " + c.path() + (c.note() == null ? "" : " (" + c.note() + ")"));
        }
    }

    static void pushed(PrintWriter out, RealmWrite w) {
        if (w.pushed()) {
            out.println(OK + " Pushed to " + w.remote());
        }
    }

    static String icon(Finding f) {
        switch (f.severity()) {
            case ERROR: return ERROR;
            case WARNING: return WARN;
            default: return INFO;
        }
    }
}
