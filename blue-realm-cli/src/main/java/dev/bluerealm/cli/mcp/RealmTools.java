package dev.bluerealm.cli.mcp;

import dev.bluerealm.RealmException;
import dev.bluerealm.json.JsonValue;
import java.nio.file.Path;

/**
 * What the MCP tools answer (RFC 0002 phase 1, DESIGN §7): the same JSON documents the CLI's
 * {@code --json} prints, for the participating repo (or realm checkout) at {@code cwd}.
 */
public interface RealmTools {
    /** {@code realm_status}: the realm overview, this repo's roles, sessions and pending notifications. */
    JsonValue status(Path cwd) throws RealmException;

    /**
     * {@code realm_check}: findings with their codes, plus what this repo's uncommitted changes to
     * exported files would do to each importer.
     *
     * @param mode exporter, importer, contract or compatibility; null for every mode that applies
     */
    JsonValue check(Path cwd, String mode, String domain, String contract) throws RealmException;

    /** {@code contract_get}: a contract with its value, schema, bindings, history and pending changes. */
    JsonValue contract(Path cwd, String contract, String domain) throws RealmException;
}
