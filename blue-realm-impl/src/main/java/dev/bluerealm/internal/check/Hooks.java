package dev.bluerealm.internal.check;

import dev.bluerealm.contract.Severity;
import dev.bluerealm.internal.cache.CacheDb;
import dev.bluerealm.internal.hooks.HookInput;
import dev.bluerealm.internal.hooks.HookResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Runs a validation hook (through the validation cache) and turns its result into findings. */
final class Hooks {
    private Hooks() {}

    /** True when the hook passed (valid or warning). */
    static boolean run(CheckContext ctx, Report report, String domain, String contract, String repo, String hook,
                       HookInput input, String what, java.util.List<String> watched) {
        // a hook that is no longer this repo's committed code must be refused, never answered from the cache
        String key = tracked(ctx, hook) ? bindingHash(ctx, hook, input, watched) : null;
        CacheDb cache = ctx.cache();
        HookResult result = null;
        if (cache != null && key != null) {
            Optional<CacheDb.ValidationRow> row = cache.validation(contract, input.version(), key);
            if (row.isPresent()) {
                HookResult.Status s = HookResult.Status.values()[Math.min(row.get().valid(), 4)];
                result = new HookResult(s, s == HookResult.Status.VALID ? 0 : s == HookResult.Status.WARNING ? 2 : 1,
                        row.get().output() == null ? "" : row.get().output(), what + " " + hook + " (cached result)");
            }
        }
        if (result == null) {
            result = ctx.hooks().run(ctx.repoRoot(), hook, input);
            if (cache != null && key != null && result.status() != HookResult.Status.TIMEOUT
                    && result.status() != HookResult.Status.REFUSED) {
                cache.putValidation(contract, input.version(), key, result.status().ordinal(), result.output());
            }
        }
        String output = result.output().isBlank() ? "" : "\n" + result.output().strip();
        switch (result.status()) {
            case VALID:
                return true;
            case WARNING:
                report.add(Severity.WARNING, "HOOK_WARNING", contract + ": " + result.message() + output, domain,
                        contract, repo, hook, 0);
                return true;
            case TIMEOUT:
                report.add(Severity.ERROR, "HOOK_TIMEOUT", contract + ": " + result.message() + output, domain,
                        contract, repo, hook, 0);
                return false;
            case REFUSED:
                report.add(Severity.ERROR, "HOOK_REFUSED", contract + ": " + result.message(), domain, contract, repo,
                        hook, 0);
                return false;
            default:
                report.add(Severity.ERROR, "HOOK_FAILED", contract + ": " + result.message() + output, domain, contract,
                        repo, hook, 0);
                return false;
        }
    }

    private static boolean tracked(CheckContext ctx, String hook) {
        try {
            dev.bluerealm.internal.hooks.HookPaths.verifyTracked(ctx.repoRoot(), hook);
            return true;
        } catch (dev.bluerealm.internal.hooks.HookRefusedException e) {
            return false;
        }
    }

    /**
     * What a cached verdict depends on (the RFC: "invalidate when contract version or binding
     * changes"): the hook's bytes, the input it is given and the binding's files in the repo.
     */
    private static String bindingHash(CheckContext ctx, String hook, HookInput input, java.util.List<String> watched) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            java.nio.file.Path p = ctx.repoRoot().resolve(hook).normalize();
            if (!p.startsWith(ctx.repoRoot()) || !Files.isRegularFile(p)) {
                return null; // refused or missing: never cached
            }
            sha.update(Files.readAllBytes(p));
            sha.update((byte) 0);
            sha.update(input.toJson().toJson().getBytes(StandardCharsets.UTF_8));
            for (String w : watched) {
                java.nio.file.Path f = ctx.repoRoot().resolve(w).normalize();
                sha.update((byte) 0);
                sha.update(w.getBytes(StandardCharsets.UTF_8));
                if (f.startsWith(ctx.repoRoot()) && Files.isRegularFile(f)) {
                    sha.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
