package dev.bluerealm.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command socket's protocol ({@link CommandSocket}, {@link CommandRelay}). The client sends one
 * request: {@link #MAGIC}, the daemon's token, then the {@link CommandCall}'s fields (strings as a
 * length and UTF-8 bytes). The daemon answers with frames of a kind byte, a length and a payload:
 * what the command prints ({@link #OUT}, {@link #ERR}) and its exit code ({@link #EXIT}), or, before
 * any output, why it does not run it ({@link #REFUSED}). Sizes are bounded both ways: whoever sends
 * more than a command line could hold is cut off.
 */
final class CommandFrames {
    /** "BLU1": the protocol and its version. */
    static final int MAGIC = 0x424C5531;
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';
    static final byte REFUSED = 'R';

    static final int MAX_STRING = 1 << 20;
    static final int MAX_ITEMS = 10_000;
    static final int MAX_REQUEST = 8 << 20;
    static final int MAX_FRAME = 1 << 20;

    /** The request as read: the token it claims and the call. */
    record Request(String token, CommandCall call) {}

    private CommandFrames() {}

    static void writeRequest(DataOutputStream out, String token, CommandCall call) throws IOException {
        out.writeInt(MAGIC);
        writeString(out, token);
        writeString(out, call.build());
        writeString(out, call.cwd().toString());
        out.writeLong(call.pid());
        out.writeByte((call.stdoutTerminal() ? 1 : 0) | (call.stderrTerminal() ? 2 : 0));
        out.writeInt(call.args().size());
        for (String a : call.args()) {
            writeString(out, a);
        }
        out.writeInt(call.env().size());
        for (Map.Entry<String, String> e : call.env().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        out.flush();
    }

    /** Reads a request; {@link IOException} for anything that is not one, or too large. */
    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a blue command request");
        }
        int[] budget = {MAX_REQUEST};
        String token = readString(in, budget);
        String build = readString(in, budget);
        String cwd = readString(in, budget);
        long pid = in.readLong();
        int flags = in.readUnsignedByte();
        int argc = count(in);
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(readString(in, budget));
        }
        int envc = count(in);
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < envc; i++) {
            env.put(readString(in, budget), readString(in, budget));
        }
        Path dir;
        try {
            dir = Path.of(cwd);
        } catch (RuntimeException e) {
            throw new IOException("bad working folder in the request");
        }
        if (!dir.isAbsolute()) {
            throw new IOException("the working folder in the request is not absolute");
        }
        return new Request(token, new CommandCall(args, dir, env, pid, (flags & 1) != 0, (flags & 2) != 0, build));
    }

    static void writeFrame(DataOutputStream out, byte kind, byte[] payload, int off, int len) throws IOException {
        out.writeByte(kind);
        out.writeInt(len);
        out.write(payload, off, len);
        out.flush();
    }

    static void writeExit(DataOutputStream out, int code) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(4);
        out.writeInt(code);
        out.flush();
    }

    /** One frame: its kind and payload; {@link EOFException} at the end of the stream. */
    record Frame(byte kind, byte[] payload) {
        int exitCode() {
            return java.nio.ByteBuffer.wrap(payload).getInt(); // as DataOutputStream.writeInt wrote it
        }
    }

    static Frame readFrame(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        int len = in.readInt();
        if (len < 0 || len > MAX_FRAME || (kind == EXIT && len != 4)) {
            throw new IOException("bad frame from the daemon (kind " + kind + ", " + len + " bytes)");
        }
        byte[] payload = new byte[len];
        in.readFully(payload);
        return new Frame(kind, payload);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ITEMS) {
            throw new IOException("too many items in the request: " + n);
        }
        return n;
    }

    private static String readString(DataInputStream in, int[] budget) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING || n > budget[0]) {
            throw new IOException("request too large");
        }
        budget[0] -= n;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
