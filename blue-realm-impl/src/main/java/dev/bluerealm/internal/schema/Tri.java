package dev.bluerealm.internal.schema;

/** Three-valued truth: what the {@link Evaluator} knows about an instance and a schema. */
enum Tri {
    TRUE, FALSE, UNKNOWN;

    static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    Tri and(Tri o) {
        if (this == FALSE || o == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || o == UNKNOWN ? UNKNOWN : TRUE;
    }

    Tri or(Tri o) {
        if (this == TRUE || o == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || o == UNKNOWN ? UNKNOWN : FALSE;
    }

    Tri not() {
        return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
    }
}
