/**
 * Progress of long work (clone, fetch, push, hook runs, large checks): a {@link
 * dev.bluerealm.progress.ProgressListener} given through {@code RealmOptions.progress} hears each
 * {@link dev.bluerealm.progress.ProgressTask} start, advance and end. The engine reports every task,
 * however short; a listener that shows them (the CLI's one-line display on a terminal) decides what
 * is worth showing.
 *
 * @since 0.1
 */
package dev.bluerealm.progress;
