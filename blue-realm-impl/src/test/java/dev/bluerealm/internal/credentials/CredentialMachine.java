package dev.bluerealm.internal.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A machine for credential tests under one temp folder: a HOME, a BLUE_HOME, and a PATH holding
 * only {@code bin/}, where a wrapper runs the real {@code git} and stub tools can be written, so neither
 * the developer's git configuration, keyring nor tools take part. Helper scripts use shell builtins
 * and absolute paths only.
 */
final class CredentialMachine {
    final Path root;
    final Path home;
    final Path bin;
    final Path blueHome;
    private final Map<String, String> env = new HashMap<>();

    CredentialMachine(Path root) throws IOException {
        this.root = root;
        this.home = Files.createDirectories(root.resolve("home"));
        this.bin = Files.createDirectories(root.resolve("bin"));
        this.blueHome = Files.createDirectories(root.resolve("blue-home"));
        env.put("HOME", home.toString());
        env.put("PATH", bin.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        Optional<Path> git = systemTool("git");
        if (git.isPresent()) { // a wrapper rather than a link: JUnit warns about links leaving the temp dir
            script(bin, "git", "exec '" + git.get().toRealPath() + "' \"$@\"\n");
        }
    }

    /** A program on the JVM's own PATH (tests may look there; the code under test never does). */
    static Optional<Path> systemTool(String name) {
        return Processes.find(System.getenv(), name);
    }

    static boolean gitAvailable() {
        return systemTool("git").isPresent();
    }

    CredentialMachine set(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** An executable {@code #!/bin/sh} script at {@code dir/name}. */
    static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A stub program on this machine's PATH. */
    CredentialMachine stub(String name, String body) throws IOException {
        script(bin, name, body);
        return this;
    }

    /** Sets {@code credential.helper} in ~/.gitconfig (quoted, so a {@code !f() { …; }; f} helper keeps its semicolons). */
    CredentialMachine gitHelper(String helper) throws IOException {
        String quoted = helper.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(home.resolve(".gitconfig"), "[credential]\n\thelper = \"" + quoted + "\"\n");
        return this;
    }

    /** Writes $BLUE_HOME/credentials.yaml with the given permissions ("rw-------"). */
    Path credentialsFile(String yaml, String permissions) throws IOException {
        Path f = blueHome.resolve(CredentialsFileSource.FILE_NAME);
        Files.writeString(f, yaml);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    /** A helper script that logs each call (action and input lines) to {@code log} and answers "get" with the given pair. */
    Path loggingHelper(Path log, String username, String password) throws IOException {
        return script(root, "helper.sh", "echo \"action=$1 prompt=$GIT_TERMINAL_PROMPT askpass=[$GIT_ASKPASS]\" >> '" + log + "'\n"
                + "while IFS= read -r line; do [ -z \"$line\" ] && break; echo \"$line\" >> '" + log + "'; done\n"
                + "if [ \"$1\" = get ]; then echo username=" + username + "; echo password=" + password + "; fi\n");
    }
}
