package dev.bluerealm.daemon;

/**
 * What {@link Daemons#start} did.
 *
 * @param started true when this call started the daemon, false when one was already running
 * @since 0.1
 */
public record StartResult(boolean started, long pid, int port) {
    /** {@code daemon running on 127.0.0.1:P (pid N)} or {@code daemon already running (pid N, port P)}. */
    public String message() {
        return started ? "daemon running on 127.0.0.1:" + port + " (pid " + pid + ")"
                : "daemon already running (pid " + pid + ", port " + port + ")";
    }
}
