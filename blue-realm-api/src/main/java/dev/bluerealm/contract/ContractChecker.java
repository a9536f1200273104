package dev.bluerealm.contract;

import dev.bluerealm.RealmException;

/**
 * Runs the checks of {@code blue realm check} (DESIGN §4). What a run covers depends on where the
 * realm was opened: a realm checkout covers the whole realm, a participating repo its own exports
 * and imports.
 *
 * @since 0.1
 */
public interface ContractChecker {
    /**
     * Checks what {@code request} asks for and reports every finding; never stops at the first.
     *
     * @throws RealmException when the check cannot run at all (the realm cannot be read)
     */
    CheckReport check(CheckRequest request) throws RealmException;
}
