package org.gatehouse.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.AccessChecks;
import org.gatehouse.service.CsvImport;
import org.gatehouse.service.ImportPlan;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /admin/{view}/import}: upload a CSV file, map its columns, check the rows (a dry run),
 * then import them. Both run in their request (a 100,000-row import takes minutes) while the page's
 * script polls {@link ImportProgressServlet} for a progress bar. The view keeps only its hold on the
 * file ({@link HeldImport}: token and mapping) and the small plan; the file and its progress stay in
 * {@link ImportUploads}. Its buttons are {@link ImportActions}; what the page says is {@link ImportTexts}; how the
 * file is read, {@link CsvReading}.
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
    private AccessChecks access;

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
                .map(access::viewFor)
                .orElseThrow();
    }

    /** The name of the view the page imports into, as its address named it. */
    String viewName() {
        return viewName;
    }

    /** The view as declared (not as the caller sees it), for the labels of a row's problems. */
    AdminView<?> declaredView() {
        return registry.view(viewName).orElseThrow();
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

    /** The file the page holds now (null: none). */
    void hold(HeldImport held) {
        this.held = held;
    }

    /** The plan the last check or import made (null: none to show). */
    void planned(ImportPlan plan) {
        this.plan = plan;
    }
}
