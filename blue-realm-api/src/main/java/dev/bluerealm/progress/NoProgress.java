package dev.bluerealm.progress;

/** {@link ProgressListener#none()}. */
enum NoProgress implements ProgressListener {
    INSTANCE
}
