package org.gatehouse.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.CsvImport;
import org.gatehouse.service.CsvTable;
import org.gatehouse.service.ImportColumns;
import org.gatehouse.service.ImportFailedException;
import org.gatehouse.service.ImportPlan;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /admin/{view}/import}: upload a CSV file, map its columns, check the rows (a dry run),
 * then import them. Both run in their request (a 100,000-row import takes minutes) while the page's
 * script polls {@link ImportProgressServlet} for a progress bar. The view keeps only the file's
 * token, the mapping and the small plan; the file and its progress stay in {@link ImportUploads}.
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
    private org.gatehouse.service.EntityService service;

    @Inject
    private ImportUploads uploads;

    private transient UploadedFile file;
    /** The menu of fields, made once per request that shows it. */
    private transient List<SelectItem> targets;
    private String viewName;
    private String encoding = "auto";
    private String separator = "auto";
    private String token;
    private String fileName;
    private List<String> header = List.of();
    private String[] mapping = new String[0];
    private boolean skipErrors;
    private ImportPlan plan;

    /** For the page's view action, on every request: 404 for no such view or one without writes, 403 for who may neither create nor edit. */
    public void check() {
        FacesContext faces = FacesContext.getCurrentInstance();
        targets = null;
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
        return registry.view(path == null ? viewName : path.view()).map(service::viewFor).orElseThrow();
    }

    private String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public void upload() {
        plan = null;
        if (file == null || file.getSize() == 0) {
            error(TextBean.text("import.refused.empty"));
            return;
        }
        if (file.getSize() > CsvTable.MAX_BYTES) {
            error(TextBean.text("import.refused.tooLarge", CsvTable.MAX_BYTES / (1024 * 1024)));
            return;
        }
        byte[] bytes = file.getContent();
        String name = file.getFileName() == null ? "upload.csv" : file.getFileName().replaceAll("[^\\p{L}\\p{N} ._-]", "_");
        try {
            CsvTable table = CsvTable.read(bytes, charset(), separatorChar());
            token = uploads.keep(new ImportUploads.Upload(user(), viewName, name, bytes, encoding, separator, Instant.now()));
            fileName = name;
            header = new ArrayList<>(table.header());
            mapping = ImportColumns.suggest(table.header(), getView()).toArray(String[]::new);
        } catch (CsvTable.Refused e) {
            token = null;
            error(e.getText().text(TextBean.locale()));
        }
    }

    private Charset charset() {
        return switch (encoding) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "windows-1252" -> CsvTable.WINDOWS_1252;
            default -> null;
        };
    }

    private Character separatorChar() {
        return switch (separator) {
            case "," -> ',';
            case ";" -> ';';
            default -> null;
        };
    }

    /** The held file read again as it was uploaded; null (with a message) when it is gone. */
    private CsvTable table() {
        var upload = uploads.get(token, user(), viewName).orElse(null);
        if (upload == null) {
            token = null;
            error(TextBean.text("import.expired"));
            return null;
        }
        return CsvTable.read(upload.bytes(), charset(), separatorChar());
    }

    private List<String> chosenMapping() {
        return Arrays.stream(mapping).map(m -> m == null || m.isEmpty() ? null : m).toList();
    }

    public void dryRun() {
        CsvTable table = table();
        if (table == null) {
            return;
        }
        try {
            plan = imports.dryRun(getView(), table, chosenMapping(), fileName,
                    uploads.track(token, table.rows().size(), false));
        } catch (WriteException e) {
            plan = null;
            error(e.getText().text(TextBean.locale()));
        }
    }

    /** Imports the checked file now, in this request: all rows or none, or without the rows in error. */
    public void apply() {
        CsvTable table = table();
        if (table == null || plan == null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            ImportPlan done = imports.apply(getView(), table, chosenMapping(), fileName, skipErrors,
                    uploads.track(token, table.rows().size(), true));
            plan = done;
            uploads.finished(token);
            token = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, TextBean.text("import.summary.applied",
                    done.fileName(), done.created(), done.updated(), done.unchanged(), done.skipped()), null));
        } catch (ImportFailedException failed) {
            error(TextBean.text("import.failed", failed.getRow()) + " " + failed.getProblems().stream()
                    .map(this::problem).reduce((a, b) -> a + "; " + b).orElse(""));
        } catch (WriteException refused) {
            error(refused.getText().text(TextBean.locale()));
        }
    }

    /** What the plan says: the dry run's counts, or what the import did. */
    public String getSummary() {
        ImportPlan p = plan;
        return p == null ? "" : p.applied()
                ? TextBean.text("import.summary.applied", p.fileName(), p.created(), p.updated(), p.unchanged(), p.skipped())
                : TextBean.text("import.summary", p.rows(), p.created(), p.updated(), p.unchanged(), p.errors());
    }

    /** A row's problem as the reader reads it: the field's label, then what is wrong. */
    public String problem(ImportPlan.Problem problem) {
        String text = problem.constraint() != null ? problem.constraint() : problem.message().text(TextBean.locale());
        if (problem.field() == null) {
            return text;
        }
        String label = registry.view(viewName).flatMap(v -> v.property(problem.field()))
                .map(p -> Texts.label(TextBean.locale(), p.label())).orElse(problem.field());
        return label + ": " + text;
    }

    /** The fields a column may fill, by their labels. */
    public List<SelectItem> getTargets() {
        if (targets != null) {
            return targets;
        }
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem("", TextBean.text("import.mapping.ignore")));
        ImportColumns.targets(getView()).values().forEach(p -> items.add(new SelectItem(p.name(),
                Texts.label(TextBean.locale(), p.label()))));
        targets = items;
        return items;
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = List.of("auto", "UTF-8", "windows-1252").contains(encoding) ? encoding : "auto";
    }

    public String getSeparator() {
        return separator;
    }

    public void setSeparator(String separator) {
        this.separator = List.of("auto", ",", ";").contains(separator) ? separator : "auto";
    }

    /** Where the page's script asks how far the work on the uploaded file has come. */
    public String getProgressPath() {
        return token == null ? "" : ImportProgressServlet.PATH + "?token=" + token;
    }

    public boolean isUploaded() {
        return token != null;
    }

    public String getFileName() {
        return fileName;
    }

    public List<String> getHeader() {
        return header;
    }

    public String[] getMapping() {
        return mapping;
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

    public int getMaxMegabytes() {
        return CsvTable.MAX_BYTES / (1024 * 1024);
    }

    public int getMaxColumns() {
        return CsvTable.MAX_COLUMNS;
    }

    public int getMaxRows() {
        return CsvTable.MAX_ROWS;
    }

    public int getShown() {
        return ImportPlan.SHOWN;
    }
}
