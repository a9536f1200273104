package dev.bluerealm.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSSH {@code sshd} on 127.0.0.1, as a child process with its own keys and config,
 * serving git over ssh from the repositories on disk. It logs in as the current user with a
 * generated ECDSA key; {@link #installClientKeys} puts that key and the host key into a HOME so a
 * client there trusts the server. Needs {@code /usr/sbin/sshd} and {@code ssh-keygen}, and root
 * (sshd's privilege separation), which is what CI runs as; tests call {@link #available()} first.
 */
public final class SshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final int port;
    private final Path work;

    private SshServer(Process process, int port, Path work) {
        this.process = process;
        this.port = port;
        this.work = work;
    }

    /** Why the server cannot run here, or null when it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(SSHD)) {
            return "no " + SSHD + " (install openssh-server; .ci/run does)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "sshd needs root for privilege separation; CI runs as root";
        }
        try {
            Process p = new ProcessBuilder("ssh-keygen", "-?").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return "no ssh-keygen (install openssh-client)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    public static boolean available() {
        return unavailableReason() == null;
    }

    public static SshServer start() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("sshd");
        keygen(work.resolve("hostkey"));
        keygen(work.resolve("clientkey"));
        Files.copy(work.resolve("clientkey.pub"), work.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd")); // sshd refuses to start without it
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(work.resolve("sshd_config"), String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + work.resolve("hostkey"),
                "PidFile " + work.resolve("sshd.pid"),
                "AuthorizedKeysFile " + work.resolve("authorized_keys"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no", // the keys sit under a world-writable temp folder
                ""));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-f", work.resolve("sshd_config").toString(),
                "-E", work.resolve("sshd.log").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout.log").toFile()).start();
        SshServer server = new SshServer(process, port, work);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        String log = Files.exists(work.resolve("sshd.log")) ? Files.readString(work.resolve("sshd.log")) : "";
        server.close();
        throw new IOException("sshd did not start on port " + port + ": " + log);
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
    }

    /** The ssh URL of a bare repository on this machine. */
    public String url(Path bareRepo) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + bareRepo.toAbsolutePath();
    }

    /** Makes {@code home}'s ssh client use the generated key and trust this server's host key. */
    public void installClientKeys(Path home) throws IOException {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(work.resolve("clientkey"), ssh.resolve("id_ecdsa"));
        Files.copy(work.resolve("clientkey.pub"), ssh.resolve("id_ecdsa.pub"));
        String hostKey = Files.readString(work.resolve("hostkey.pub")).trim().replaceFirst("\\s+\\S+@\\S+$", "");
        Files.writeString(ssh.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        dev.bluerealm.internal.git.Files2.deleteQuietly(work);
    }
}
