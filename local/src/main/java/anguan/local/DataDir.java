package anguan.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The runner's persistent state (dynamodb/, s3/, the JWT secret, the demo marker), owned by one
 * runner at a time: two runners on one LevelDB directory would corrupt it.
 */
final class DataDir implements AutoCloseable {
    private static final String LOCK = ".lock";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDir(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory (creating it), emptied first when {@code reset}. */
    static DataDir open(Path dir, boolean reset) {
        Path path = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            FileChannel channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another anguan runner is using " + path + "; stop it or choose another --data");
            }
            DataDir dataDir = new DataDir(path, channel, lock);
            if (reset) {
                dataDir.wipe();
            }
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + path + " as data directory", e);
        }
    }

    Path path() {
        return path;
    }

    private void wipe() throws IOException {
        try (Stream<Path> children = Files.list(path)) {
            for (Path child : children.filter(p -> !p.getFileName().toString().equals(LOCK)).toList()) {
                try (Stream<Path> tree = Files.walk(child)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
