package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files uploaded for import and how far the check or import of each has come, held in this
 * node's memory (never in the replicated session, which keeps only a token): at most {@value #MAX_HELD} files of at most
 * {@link org.gatehouse.service.CsvTable#MAX_BYTES} bytes each, for {@link #KEPT} after their upload;
 * older ones are dropped first. Each belongs to the user who uploaded it and to one view.
 */
@ApplicationScoped
public class ImportUploads {

    static final int MAX_HELD = 4;
    static final Duration KEPT = Duration.ofMinutes(30);

    /** An uploaded file as it came, with the reading the user chose. */
    public record Upload(
            String owner, String view, String fileName, byte[] bytes, String encoding, String separator, Instant at) {}

    /** How far the dry run ({@code applying} false) or the import of a file has come: rows read of all. */
    public record Progress(AtomicInteger done, int total, boolean applying) {}

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    /** Keeps a file and answers its token. */
    public synchronized String keep(Upload upload) {
        Instant now = Instant.now();
        uploads.entrySet().removeIf(e -> e.getValue().at().plus(KEPT).isBefore(now));
        while (uploads.size() >= MAX_HELD) {
            uploads.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().at()))
                    .map(Map.Entry::getKey)
                    .ifPresent(uploads::remove);
        }
        progress.keySet().retainAll(uploads.keySet());
        String token = UUID.randomUUID().toString();
        uploads.put(token, upload);
        return token;
    }

    /** The file of the token, if it is still held and was uploaded by this user for this view. */
    public Optional<Upload> get(String token, String owner, String view) {
        Upload upload = token == null ? null : uploads.get(token);
        return upload != null && upload.owner().equals(owner) && upload.view().equals(view)
                ? Optional.of(upload)
                : Optional.empty();
    }

    /** Starts counting the rows of a check or import of the token's file; the page polls the count. */
    public AtomicInteger track(String token, int total, boolean applying) {
        Progress started = new Progress(new AtomicInteger(), total, applying);
        progress.put(token, started);
        return started.done();
    }

    /** How far the work on the token's file has come, for the user who uploaded it. */
    public Optional<Progress> progress(String token, String owner) {
        Upload upload = token == null ? null : uploads.get(token);
        Progress current = token == null ? null : progress.get(token);
        return upload != null && current != null && upload.owner().equals(owner)
                ? Optional.of(current)
                : Optional.empty();
    }

    /** Forgets a finished import. */
    public void finished(String token) {
        uploads.remove(token);
        progress.remove(token);
    }
}
