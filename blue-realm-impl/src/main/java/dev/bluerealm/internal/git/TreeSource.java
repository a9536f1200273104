package dev.bluerealm.internal.git;

import dev.bluerealm.internal.realm.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of one commit, read from the object database (no work tree involved). */
public final class TreeSource implements FileSource, AutoCloseable {
    private final ObjectReader reader;
    private final Map<String, ObjectId> blobs = new LinkedHashMap<>();
    private final List<String> irregular = new ArrayList<>();
    private ObjectId tree;

    public TreeSource(Repository repository, ObjectId commit) throws IOException {
        this.reader = repository.newObjectReader();
        if (commit == null) {
            return; // an empty realm repository
        }
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit c = walk.parseCommit(commit);
            tree = c.getTree().getId();
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(c.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    FileMode mode = tree.getFileMode(0);
                    if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                        blobs.put(tree.getPathString(), tree.getObjectId(0));
                    } else {
                        irregular.add(tree.getPathString());
                    }
                }
            }
        }
    }

    @Override
    public List<String> paths() {
        return new ArrayList<>(blobs.keySet()); // TreeWalk yields git's order, which is sorted for our names
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        ObjectId id = blobs.get(path);
        if (id == null) {
            throw new IOException(path + " is not in the commit");
        }
        ObjectLoader loader = reader.open(id);
        if (loader.getSize() > limit) {
            return new byte[limit + 1]; // only its size matters: it is refused
        }
        try (InputStream in = loader.openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public List<String> irregular() {
        return irregular;
    }

    @Override
    public String contentKey() {
        return tree == null ? "tree:empty" : "tree:" + tree.name();
    }

    @Override
    public void close() {
        reader.close();
    }
}
