package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gatehouse.service.CsvImport;
import org.gatehouse.service.CsvTable;
import org.gatehouse.service.ImportFailedException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;
import org.omnifaces.util.Messages;

/**
 * The import page's three buttons: read the uploaded file, check its rows (a dry run), import
 * them. Each works on the page's hold on the file and leaves the plan it made on the page; the
 * file is read again from {@link ImportUploads} for every check and import.
 */
@Named("importActions")
@RequestScoped
public class ImportActions {

    @Inject
    private ImportPageBacking page;

    @Inject
    private ImportFiles files;

    @Inject
    private ImportUploads uploads;

    @Inject
    private CsvImport imports;

    public void upload() {
        page.planned(null);
        if (ImportFiles.acceptable(page.getFile())) {
            page.hold(files.hold(page.getFile(), page.getReading(), page.viewName(), page.getView())
                    .orElse(null));
        }
    }

    public void dryRun() {
        CsvTable table = table();
        if (table != null) {
            HeldImport held = page.getHeld();
            try {
                page.planned(imports.dryRun(
                        page.getView(),
                        table,
                        held.chosenMapping(),
                        held.getFileName(),
                        uploads.track(held.token(), table.rows().size(), false)));
            } catch (WriteException e) {
                page.planned(null);
                Messages.addGlobalError(e.getText().text(TextBean.locale()));
            }
        }
    }

    /** Imports the checked file now, in this request: all rows or none, or without the rows in error. */
    public void apply() {
        CsvTable table = table();
        if (table == null || page.getPlan() == null) {
            return;
        }
        HeldImport held = page.getHeld();
        try {
            page.planned(imports.apply(
                    page.getView(),
                    table,
                    held.chosenMapping(),
                    held.getFileName(),
                    page.isSkipErrors(),
                    uploads.track(held.token(), table.rows().size(), true)));
            uploads.finished(held.token());
            page.hold(null);
            Messages.addGlobalInfo(ImportTexts.summary(page.getPlan()));
        } catch (ImportFailedException failed) {
            Messages.addGlobalError(ImportTexts.failure(page.declaredView(), failed));
        } catch (WriteException refused) {
            Messages.addGlobalError(refused.getText().text(TextBean.locale()));
        }
    }

    /** The held file read again as it was uploaded; null (with a message, the page's hold let go) when it is gone. */
    private CsvTable table() {
        CsvTable table =
                files.table(page.getHeld(), page.viewName(), page.getReading()).orElse(null);
        if (table == null) {
            page.hold(null);
        }
        return table;
    }
}
