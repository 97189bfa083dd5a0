package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.stream.Collectors;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.CsvImport;
import org.gatehouse.service.CsvTable;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ImportColumns;
import org.gatehouse.service.ImportFailedException;
import org.gatehouse.service.ImportPlan;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /admin/{view}/import}: upload a CSV file, map its columns, check the rows (a dry run),
 * then import them. Both run in their request (a 100,000-row import takes minutes) while the page's
 * script polls {@link ImportProgressServlet} for a progress bar. The view keeps only its hold on the
 * file ({@link HeldImport}: token and mapping) and the small plan; the file and its progress stay in
 * {@link ImportUploads}. What the page says is {@link ImportTexts}; how the file is read, {@link CsvReading}.
 */
@Named("importPage")
@ViewScoped
public class ImportPageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AdminRegistry registry;

    @Inject
    private CsvImport imports;

    @Inject
    private EntityService service;

    @Inject
    private ImportUploads uploads;

    private transient UploadedFile file;
    private final CsvReading reading = new CsvReading();
    private String viewName;
    private HeldImport held;
    private boolean skipErrors;
    private ImportPlan plan;

    /** For the page's view action, on every request: 404 for no such view or one without writes, 403 for who may neither create nor edit. */
    public void check() {
        FacesContext faces = FacesContext.getCurrentInstance();
        AdminView<?> view = AdminPages.viewOrNotFound(faces, registry).orElse(null);
        if (view != null && !view.creatable() && !view.editable()) {
            // a view nobody writes has no import, as it has no form
            AdminPages.notFound(faces);
        } else if (view != null && !imports.allowed(view)) {
            AdminPages.forbidden(faces);
        } else if (view != null) {
            viewName = view.name();
        }
    }

    public AdminView<?> getView() {
        AdminPath path = AdminPages.path(FacesContext.getCurrentInstance());
        return registry.view(path == null ? viewName : path.view())
                .map(service::viewFor)
                .orElseThrow();
    }

    /** The view as declared (not as the caller sees it), for the labels of a row's problems. */
    AdminView<?> declaredView() {
        return registry.view(viewName).orElseThrow();
    }

    public void upload() {
        plan = null;
        if (file == null || file.getSize() == 0) {
            Messages.addGlobalError(TextBean.text("import.refused.empty"));
        } else if (file.getSize() > CsvTable.MAX_BYTES) {
            Messages.addGlobalError(TextBean.text("import.refused.tooLarge", CsvTable.MAX_BYTES / (1024 * 1024)));
        } else {
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
                held = new HeldImport(token, name, table.header(), ImportColumns.suggest(table.header(), getView()));
            } catch (CsvTable.Refused e) {
                held = null;
                Messages.addGlobalError(e.getText().text(TextBean.locale()));
            }
        }
    }

    /** The held file read again as it was uploaded; null (with a message) when it is gone. */
    private CsvTable table() {
        var upload = uploads.get(held == null ? null : held.token(), Faces.getRemoteUser(), viewName)
                .orElse(null);
        if (upload == null) {
            held = null;
            Messages.addGlobalError(TextBean.text("import.expired"));
            return null;
        }
        return reading.read(upload.bytes());
    }

    public void dryRun() {
        CsvTable table = table();
        if (table != null) {
            try {
                plan = imports.dryRun(
                        getView(),
                        table,
                        held.chosenMapping(),
                        held.getFileName(),
                        uploads.track(held.token(), table.rows().size(), false));
            } catch (WriteException e) {
                plan = null;
                Messages.addGlobalError(e.getText().text(TextBean.locale()));
            }
        }
    }

    /** Imports the checked file now, in this request: all rows or none, or without the rows in error. */
    public void apply() {
        CsvTable table = table();
        if (table == null || plan == null) {
            return;
        }
        try {
            plan = imports.apply(
                    getView(),
                    table,
                    held.chosenMapping(),
                    held.getFileName(),
                    skipErrors,
                    uploads.track(held.token(), table.rows().size(), true));
            uploads.finished(held.token());
            held = null;
            Messages.addGlobalInfo(ImportTexts.summary(plan));
        } catch (ImportFailedException failed) {
            Messages.addGlobalError(TextBean.text("import.failed", failed.getRow()) + " "
                    + failed.getProblems().stream()
                            .map(problem -> ImportTexts.problem(declaredView(), problem))
                            .collect(Collectors.joining("; ")));
        } catch (WriteException refused) {
            Messages.addGlobalError(refused.getText().text(TextBean.locale()));
        }
    }

    /** Where the page's script asks how far the work on the uploaded file has come. */
    public String getProgressPath() {
        return held == null ? "" : ImportProgressServlet.PATH + "?token=" + held.token();
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public CsvReading getReading() {
        return reading;
    }

    /** The uploaded file the page holds; null before an upload and after its import. */
    public HeldImport getHeld() {
        return held;
    }

    public boolean isSkipErrors() {
        return skipErrors;
    }

    public void setSkipErrors(boolean skipErrors) {
        this.skipErrors = skipErrors;
    }

    public ImportPlan getPlan() {
        return plan;
    }
}
