package dev.bluerealm.internal.check;

import dev.bluerealm.model.Binding;
import dev.bluerealm.model.Contract;
import dev.bluerealm.model.DomainModel;
import dev.bluerealm.model.ExportBinding;
import java.util.ArrayList;
import java.util.List;

/** The contracts the repo of a check context exports, with what its code needs to extract them. */
final class OwnExports {
    private OwnExports() {}

    /**
     * One export of this repo.
     *
     * @param exportedNames every contract this repo exports in the domain (marker names are matched
     *     against the longest of them)
     */
    record Export(DomainModel domain, ExportBinding binding, Contract contract, List<String> exportedNames) {}

    /** Every export of the context's repo whose contract exists; empty in a realm checkout. */
    static List<Export> of(CheckContext ctx) {
        List<Export> out = new ArrayList<>();
        if (ctx.repo() == null || ctx.extractor() == null) {
            return out;
        }
        for (DomainModel d : ctx.model().domainsOf(ctx.repo())) {
            Binding mine = d.bindings().get(ctx.repo());
            if (mine == null) {
                continue;
            }
            List<String> exported = mine.exports().stream().map(ExportBinding::contract).toList();
            for (ExportBinding e : mine.exports()) {
                Contract c = d.contracts().get(e.contract());
                if (c != null) {
                    out.add(new Export(d, e, c, exported));
                }
            }
        }
        return out;
    }
}
