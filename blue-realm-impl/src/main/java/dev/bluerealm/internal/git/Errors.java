package dev.bluerealm.internal.git;

/** Turns JGit's nested exceptions into one readable line. */
final class Errors {
    private Errors() {}

    static String message(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
