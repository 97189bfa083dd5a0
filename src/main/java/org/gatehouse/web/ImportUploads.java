package org.gatehouse.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files uploaded for import and the imports running, held in this node's memory (never in the
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

    /** An import running in the background: rows done of all, and its outcome once finished. */
    public record Job(AtomicInteger done, int total, Future<Object> outcome) {
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    @Resource
    private ManagedExecutorService executor;

    /** Keeps a file and answers its token. */
    public synchronized String keep(Upload upload) {
        Instant now = Instant.now();
        uploads.entrySet().removeIf(e -> e.getValue().at().plus(KEPT).isBefore(now) && !jobs.containsKey(e.getKey()));
        jobs.entrySet().removeIf(e -> e.getValue().outcome().isDone() && !uploads.containsKey(e.getKey()));
        while (uploads.size() >= MAX_HELD) {
            uploads.entrySet().stream().filter(e -> !jobs.containsKey(e.getKey()))
                    .min(Comparator.comparing(e -> e.getValue().at())).map(Map.Entry::getKey)
                    .ifPresentOrElse(uploads::remove, () -> {
                        throw new IllegalStateException("busy");
                    });
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

    /** Starts an import of the token's file; the file is let go once it has finished. */
    public Job start(String token, int total, java.util.function.Function<AtomicInteger, Object> work) {
        AtomicInteger done = new AtomicInteger();
        Callable<Object> task = () -> {
            try {
                return work.apply(done);
            } finally {
                uploads.remove(token);
            }
        };
        Job job = new Job(done, total, executor.submit(task));
        jobs.put(token, job);
        return job;
    }

    public Optional<Job> job(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(jobs.get(token));
    }

    /** Forgets a finished import. */
    public void finished(String token) {
        jobs.remove(token);
        uploads.remove(token);
    }
}
