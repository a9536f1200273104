package dev.bluerealm.cli;

import dev.bluerealm.contract.CompatibilityReport;
import dev.bluerealm.contract.CompatibilityReport.Verdict;
import dev.bluerealm.json.JsonValue;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link CompatibilityReport} as the RFC prints it, and as the documented JSON. */
final class CompatOutput {
    private CompatOutput() {}

    static JsonValue verdict(Verdict v) {
        return v instanceof Verdict.Holds ? JsonValue.bool(true)
                : v instanceof Verdict.DoesNotHold ? JsonValue.bool(false) : JsonValue.string("unknown");
    }

    static String reason(Verdict v) {
        if (v instanceof Verdict.DoesNotHold) {
            return ((Verdict.DoesNotHold) v).reason();
        }
        return v instanceof Verdict.Unknown ? ((Verdict.Unknown) v).reason() : null;
    }

    static JsonValue json(CompatibilityReport r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        if (r.contract() != null) {
            m.put("domain", JsonValue.stringOrNull(r.domain()));
            m.put("contract", JsonValue.string(r.contract()));
            m.put("from", JsonValue.stringOrNull(r.from()));
            m.put("to", JsonValue.stringOrNull(r.to()));
        }
        m.put("backwards", verdict(r.backwards()));
        m.put("forwards", verdict(r.forwards()));
        Map<String, JsonValue> reasons = new LinkedHashMap<>();
        if (reason(r.backwards()) != null) {
            reasons.put("backwards", JsonValue.string(reason(r.backwards())));
        }
        if (reason(r.forwards()) != null) {
            reasons.put("forwards", JsonValue.string(reason(r.forwards())));
        }
        m.put("reasons", JsonValue.object(reasons));
        m.put("changes", JsonValue.array(r.changes().stream().map(c -> {
            Map<String, JsonValue> cm = new LinkedHashMap<>();
            cm.put("path", JsonValue.string(c.path()));
            cm.put("kind", JsonValue.string(c.kind()));
            cm.put("detail", JsonValue.stringOrNull(c.detail()));
            cm.put("compatible", JsonValue.bool(c.compatible()));
            return JsonValue.object(cm);
        }).toList()));
        Map<String, JsonValue> witnesses = new LinkedHashMap<>();
        r.witnesses().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, JsonValue> wm = new LinkedHashMap<>();
            wm.put("instance", e.getValue().instance());
            wm.put("accepted_by", JsonValue.string(e.getValue().acceptedBy()));
            wm.put("rejected_by", JsonValue.string(e.getValue().rejectedBy()));
            witnesses.put(e.getKey().name().toLowerCase(Locale.ROOT), JsonValue.object(wm));
        });
        m.put("witnesses", JsonValue.object(witnesses));
        if (r.contract() != null) {
            m.put("importers", JsonValue.array(r.importers().stream().map(i -> {
                Map<String, JsonValue> im = new LinkedHashMap<>();
                im.put("repo", JsonValue.string(i.repo()));
                im.put("range", JsonValue.string(i.range()));
                im.put("satisfied", JsonValue.bool(i.satisfied()));
                im.put("action", JsonValue.string(i.action().name().toLowerCase(Locale.ROOT)));
                return JsonValue.object(im);
            }).toList()));
        }
        return JsonValue.object(m);
    }

    /** The RFC's layout: one line per change, then the verdict, witnesses and importers. */
    static void print(PrintWriter out, CompatibilityReport r, String indent) {
        for (CompatibilityReport.SchemaChange c : r.changes()) {
            String sign = c.kind().startsWith("added") ? "+" : c.kind().startsWith("removed") ? "-" : "~";
            out.println(indent + sign + " " + c.path() + ": " + c.kind() + (c.detail() == null || c.detail().isBlank()
                    ? "" : " (" + c.detail() + ")") + " - " + (c.compatible() ? "COMPATIBLE" : "BREAKING"));
        }
        if (r.changes().isEmpty()) {
            out.println(indent + "✓ no schema changes");
        }
        line(out, indent, "backwards (new readable by old importers)", r.backwards());
        line(out, indent, "forwards (old readable by new importers)", r.forwards());
        r.witnesses().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.println(indent
                + "  witness (" + e.getKey().name().toLowerCase(Locale.ROOT) + "): " + e.getValue().instance().toJson()
                + " is accepted by " + e.getValue().acceptedBy() + ", rejected by " + e.getValue().rejectedBy()));
        for (CompatibilityReport.ImporterImpact i : r.importers()) {
            String action = switch (i.action()) {
                case NOTHING -> "nothing to do";
                case UPDATE_BINDING -> "update its binding when ready";
                case WIDEN_RANGE -> "must widen its range";
            };
            out.println(indent + "Importer " + i.repo() + " (" + i.range() + "): " + (i.satisfied() ? "still satisfied"
                    : "NOT satisfied") + ", " + action);
        }
    }

    private static void line(PrintWriter out, String indent, String name, Verdict v) {
        String verdict = v instanceof Verdict.Holds ? "holds" : v instanceof Verdict.DoesNotHold ? "does NOT hold"
                : "unknown";
        String why = reason(v);
        out.println(indent + name + ": " + verdict + (why == null ? "" : " (" + why + ")"));
    }
}
