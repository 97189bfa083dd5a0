package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.CsvTable;
import org.gatehouse.service.ImportColumns;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * The import page's side of {@link ImportUploads}: an uploaded file checked, read and kept on the
 * node (the page holds only a {@link HeldImport}), and read again, as it was uploaded, for a check
 * or an import. What cannot be done is said at the top of the page.
 */
@RequestScoped
public class ImportFiles {

    @Inject
    private ImportUploads uploads;

    /** Whether the file may be read at all: not empty, not above the size limit. */
    static boolean acceptable(UploadedFile file) {
        if (file == null || file.getSize() == 0) {
            Messages.addGlobalError(TextBean.text("import.refused.empty"));
        } else if (file.getSize() > CsvTable.MAX_BYTES) {
            Messages.addGlobalError(TextBean.text("import.refused.tooLarge", CsvTable.MAX_BYTES / (1024 * 1024)));
        } else {
            return true;
        }
        return false;
    }

    /** Reads and keeps an acceptable file for the view; empty when it is no CSV table the import reads. */
    Optional<HeldImport> hold(UploadedFile file, CsvReading reading, String viewName, AdminView<?> view) {
        byte[] bytes = file.getContent();
        String name = CsvReading.safeName(file.getFileName());
        try {
            CsvTable table = reading.read(bytes);
            String token = uploads.keep(new ImportUploads.Upload(
                    Faces.getRemoteUser(),
                    viewName,
                    name,
                    bytes,
                    reading.getEncoding(),
                    reading.getSeparator(),
                    Instant.now()));
            return Optional.of(
                    new HeldImport(token, name, table.header(), ImportColumns.suggest(table.header(), view)));
        } catch (CsvTable.Refused e) {
            Messages.addGlobalError(e.getText().text(TextBean.locale()));
            return Optional.empty();
        }
    }

    /** The held file read again as it was uploaded; empty when it is gone (expired, or not this user's). */
    Optional<CsvTable> table(HeldImport held, String viewName, CsvReading reading) {
        var upload = uploads.get(held == null ? null : held.token(), Faces.getRemoteUser(), viewName)
                .orElse(null);
        if (upload == null) {
            Messages.addGlobalError(TextBean.text("import.expired"));
            return Optional.empty();
        }
        return Optional.of(reading.read(upload.bytes()));
    }
}
