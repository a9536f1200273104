package dev.bluerealm.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Asks the running daemon of a {@code BLUE_HOME} to run a command line for this process, through its
 * command socket, and copies what the command prints to this process's streams as it comes. Made for a
 * client that starts cold: it touches a few JDK classes only, and no HTTP.
 *
 * <pre>{@code
 * CommandRelay.Outcome o = CommandRelay.run(blueHome, call, System.out, System.err);
 * if (o instanceof CommandRelay.Ran ran) System.exit(ran.exitCode());
 * // NotRun: run the command here
 * }</pre>
 *
 * @since 0.1
 */
public final class CommandRelay {
    /** How a relay ended. */
    public sealed interface Outcome permits Ran, NotRun, Broken {}

    /** The daemon ran the command; its output has been copied. */
    public record Ran(int exitCode) implements Outcome {}

    /** Nothing was run or printed (no daemon, no host, a refusal): the client runs the command itself. */
    public record NotRun(String reason) implements Outcome {}

    /** The daemon began the command, then the connection ended before its exit code: part of its output is out. */
    public record Broken(String reason) implements Outcome {}

    private CommandRelay() {}

    /** The command socket of {@code blueHome}'s daemon: {@code $BLUE_HOME/daemon.sock}, while it runs commands. */
    public static Path socket(Path blueHome) {
        return blueHome.toAbsolutePath().normalize().resolve(CommandSocket.FILE);
    }

    /** Runs {@code call} in the daemon of {@code blueHome} when one runs with a command host that takes it. */
    public static Outcome run(Path blueHome, CommandCall call, OutputStream out, OutputStream err) {
        Objects.requireNonNull(call, "call");
        Path home = blueHome.toAbsolutePath().normalize();
        Path socket = socket(home);
        if (!Files.exists(socket)) {
            return new NotRun("no daemon command socket at " + socket);
        }
        String token;
        try {
            token = Files.readString(home.resolve(DaemonToken.FILE), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return new NotRun("cannot read the daemon token: " + e.getMessage());
        }
        boolean printed = false;
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            try {
                CommandFrames.writeRequest(request, token, call);
            } catch (IOException e) {
                // a daemon with no runner free answers before reading the request, and closes: its answer is there
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            while (true) {
                CommandFrames.Frame f = CommandFrames.readFrame(in);
                switch (f.kind()) {
                    case CommandFrames.REFUSED:
                        if (printed) {
                            return new Broken("the daemon refused the command after it began");
                        }
                        return new NotRun(new String(f.payload(), StandardCharsets.UTF_8));
                    case CommandFrames.OUT:
                    case CommandFrames.ERR:
                        OutputStream to = f.kind() == CommandFrames.OUT ? out : err;
                        to.write(f.payload());
                        to.flush();
                        printed = true;
                        break;
                    case CommandFrames.EXIT:
                        return new Ran(f.exitCode());
                    default:
                        throw new IOException("unknown frame kind " + f.kind());
                }
            }
        } catch (EOFException e) {
            String why = "the daemon ended the connection before the command's end";
            return printed ? new Broken(why) : new NotRun(why);
        } catch (IOException | RuntimeException e) {
            String why = "daemon command socket: " + e.getMessage();
            return printed ? new Broken(why) : new NotRun(why);
        }
    }
}
