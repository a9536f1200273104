package dev.bluerealm.admin;

import java.nio.file.Path;

/**
 * What {@code init} did.
 *
 * @param createdRemote true when the embedded default remote was created
 * @param checkout the managed clone, {@code $BLUE_HOME/realms/{name}}
 * @since 0.1
 */
public record InitResult(String realm, String url, boolean createdRemote, Path checkout, RealmWrite write) {}
