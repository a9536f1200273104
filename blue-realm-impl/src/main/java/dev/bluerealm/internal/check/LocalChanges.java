package dev.bluerealm.internal.check;

import dev.bluerealm.internal.extract.Change;
import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ImportBinding;
import dev.bluerealm.status.RealmStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC's "Contract change detected": for each contract this repo exports, the value in its code
 * against the realm's, as +/- lines, with the importers the change reaches. Extraction problems are
 * left to {@code realm check}; status shows only what it can state.
 */
public final class LocalChanges {
    private LocalChanges() {}

    public static List<RealmStatus.LocalChange> of(CheckContext ctx) {
        List<RealmStatus.LocalChange> out = new ArrayList<>();
        for (OwnExports.Export x : OwnExports.of(ctx)) {
            DomainModel d = x.domain();
            Contract c = x.contract();
            ExporterCheck.Comparison cmp = ExporterCheck.compare(ctx, x.binding(), c, x.exportedNames());
            if (cmp.changes().isEmpty()) {
                continue;
            }
            List<RealmStatus.Importer> importers = new ArrayList<>();
            for (Binding b : d.bindings().values()) {
                for (ImportBinding i : b.imports()) {
                    if (i.contract().equals(c.name())) {
                        importers.add(new RealmStatus.Importer(b.repo(), i.range()));
                    }
                }
            }
            out.add(new RealmStatus.LocalChange(d.name(), c.name(), c.version().toString(),
                    cmp.changes().stream().map(Change::toString).toList(), importers));
        }
        return out;
    }
}
