package io.hadeck.actions.lock;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

/**
 * The action lock of a cluster without etcd (a DRBD pair): a file on the operator's host,
 * {@code <state dir>/locks/<cluster>.lock}, held with an OS lock by the acting process and holding
 * its "user@host pid N since T". The OS drops the lock when the process dies, so a crashed hadeck
 * never leaves the pair locked. It guards against two operators acting from this host only: that
 * is what the header says.
 */
public final class FileActionLock implements ActionLock {
    private final Path file;
    private final String cluster;
    private final Operator operator;
    private final Clock clock;

    public FileActionLock(Path dir, String cluster, Operator operator, Clock clock) {
        this.file = dir.resolve(cluster + ".lock");
        this.cluster = cluster;
        this.operator = operator;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "lock file on this host";
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<String> holder() {
        try (FileChannel ch = open()) {
            FileLock probe = tryLock(ch);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(read(ch) + " (" + kind() + ")");
        } catch (IOException e) {
            throw new ActionException("cannot read the action lock " + file + ": " + e.getMessage());
        }
    }

    @Override
    public Held acquire() {
        FileChannel ch;
        FileLock lock;
        try {
            ch = open();
            lock = tryLock(ch);
            if (lock == null) {
                String who = read(ch);
                ch.close();
                throw new LockHeldException(cluster, who.isBlank() ? "another hadeck on this host" : who);
            }
            String text = operator.holderText(clock.instant());
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new FileHeld(ch, lock, text);
        } catch (IOException e) {
            throw new ActionException("cannot take the action lock " + file + ": " + e.getMessage());
        }
    }

    private FileChannel open() throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (another console of this JVM)
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    private final class FileHeld implements Held {
        private final FileChannel ch;
        private final FileLock lock;
        private final String text;

        FileHeld(FileChannel ch, FileLock lock, String text) {
            this.ch = ch;
            this.lock = lock;
            this.text = text;
        }

        @Override
        public String holderText() {
            return text + " (" + kind() + ")";
        }

        @Override
        public void verify() {
            // The OS lock holds as long as the channel is open; the file itself can still be removed
            // or overwritten by hand, and then another process could take a new one beside ours.
            String now;
            try {
                now = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException e) {
                throw new ActionException("the action lock was lost: " + file + " was removed");
            } catch (IOException e) {
                throw new ActionException("the action lock was lost: cannot read " + file + ": " + e.getMessage());
            }
            if (!lock.isValid() || !now.equals(text)) {
                throw new ActionException("the action lock was lost: " + file + " now holds \"" + now + "\"");
            }
        }

        @Override
        public void close() {
            try {
                ch.truncate(0);
                lock.release();
                ch.close();
            } catch (IOException e) {
                // closing the channel releases the OS lock whatever went wrong here
            }
        }
    }
}
