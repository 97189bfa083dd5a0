package org.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files uploaded for import, held in this node's memory (never in the
 * replicated session, which keeps only a token): at most {@value #MAX_HELD} files of at most
 * {@link org.gatehouse.service.CsvTable#MAX_BYTES} bytes each, for {@link #KEPT} after their upload;
 * older ones are dropped first. Each belongs to the user who uploaded it and to one view.
 */
@ApplicationScoped
public class ImportUploads {

    static final int MAX_HELD = 4;
    static final Duration KEPT = Duration.ofMinutes(30);

    /** An uploaded file as it came, with the reading the user chose. */
    public record Upload(String owner, String view, String fileName, byte[] bytes, String encoding, String separator,
            Instant at) {
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    /** Keeps a file and answers its token. */
    public synchronized String keep(Upload upload) {
        Instant now = Instant.now();
        uploads.entrySet().removeIf(e -> e.getValue().at().plus(KEPT).isBefore(now));
        while (uploads.size() >= MAX_HELD) {
            uploads.entrySet().stream().min(Comparator.comparing(e -> e.getValue().at())).map(Map.Entry::getKey)
                    .ifPresent(uploads::remove);
        }
        String token = UUID.randomUUID().toString();
        uploads.put(token, upload);
        return token;
    }

    /** The file of the token, if it is still held and was uploaded by this user for this view. */
    public Optional<Upload> get(String token, String owner, String view) {
        Upload upload = token == null ? null : uploads.get(token);
        return upload != null && upload.owner().equals(owner) && upload.view().equals(view) ? Optional.of(upload)
                : Optional.empty();
    }

    /** Forgets a finished import. */
    public void finished(String token) {
        uploads.remove(token);
    }
}
