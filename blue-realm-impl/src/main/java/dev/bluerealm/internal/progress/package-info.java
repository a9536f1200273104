/**
 * The engine's side of {@link dev.bluerealm.progress.ProgressListener}: {@link
 * dev.bluerealm.internal.progress.Progress} starts tasks that end exactly once (try-with-resources:
 * a failure ends them as not completed), and {@link dev.bluerealm.internal.progress.GitMonitor}
 * turns JGit's {@code ProgressMonitor} phases ("Receiving objects", "Writing objects") into tasks
 * under one task for the whole operation.
 */
package dev.bluerealm.internal.progress;
