package dev.bluerealm;

import dev.bluerealm.model.LoadError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The realm (or a local config file) could not be loaded. Carries <em>every</em> load error of
 * every file, each with its file, line and column, so one run shows all that must be fixed.
 *
 * @since 0.1
 */
public final class RealmLoadException extends RealmException {
    private static final long serialVersionUID = 1L;
    private final transient List<LoadError> errors;

    public RealmLoadException(List<LoadError> errors) {
        super(ErrorCode.LOAD_ERROR, describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** The load errors, in file order. Never empty. */
    public List<LoadError> errors() {
        return errors;
    }

    private static String describe(List<LoadError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a load exception needs at least one error");
        }
        return errors.stream().map(LoadError::toString).collect(Collectors.joining("\n"));
    }
}
