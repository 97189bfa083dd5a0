package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.CsvTable;
import org.gatehouse.service.ImportColumns;
import org.gatehouse.service.ImportFailedException;
import org.gatehouse.service.ImportPlan;
import org.gatehouse.web.i18n.TextBean;

/** What the import page says: its limits, the plan's summary, a row's problems, the menu of fields. */
@Named("importTexts")
@RequestScoped
public class ImportTexts {

    @Inject
    private ImportPageBacking page;

    /** The menu of fields, made once per request that shows it (each column's menu asks). */
    private List<SelectItem> targets;

    /** "At most 20 MB, 200 columns, 200,000 rows." */
    public String getLimits() {
        return TextBean.text(
                "import.limits", CsvTable.MAX_BYTES / (1024 * 1024), CsvTable.MAX_COLUMNS, CsvTable.MAX_ROWS);
    }

    public String getMoreRows() {
        return TextBean.text("import.moreRows", ImportPlan.SHOWN);
    }

    /** What the plan says: the dry run's counts, or what the import did. */
    public String getSummary() {
        return summary(page.getPlan());
    }

    static String summary(ImportPlan p) {
        return p == null
                ? ""
                : p.applied()
                        ? TextBean.text(
                                "import.summary.applied",
                                p.fileName(),
                                p.created(),
                                p.updated(),
                                p.unchanged(),
                                p.skipped())
                        : TextBean.text(
                                "import.summary", p.rows(), p.created(), p.updated(), p.unchanged(), p.errors());
    }

    public String problem(ImportPlan.Problem problem) {
        return problem(page.declaredView(), problem);
    }

    /** A row's problem as the reader reads it: the field's label, then what is wrong. */
    static String problem(AdminView<?> view, ImportPlan.Problem problem) {
        String text = problem.constraint() != null
                ? problem.constraint()
                : problem.message().text(TextBean.locale());
        if (problem.field() == null) {
            return text;
        }
        String label = view.property(problem.field())
                .map(p -> Texts.label(TextBean.locale(), p.label()))
                .orElse(problem.field());
        return label + ": " + text;
    }

    /** "Nothing was imported: row 12 is in error." and that row's problems. */
    static String failure(AdminView<?> view, ImportFailedException failed) {
        return TextBean.text("import.failed", failed.getRow()) + " "
                + failed.getProblems().stream()
                        .map(problem -> problem(view, problem))
                        .collect(Collectors.joining("; "));
    }

    /** The fields a column may fill, by their labels. */
    public List<SelectItem> getTargets() {
        if (targets == null) {
            targets = new ArrayList<>();
            targets.add(new SelectItem("", TextBean.text("import.mapping.ignore")));
            ImportColumns.targets(page.getView())
                    .values()
                    .forEach(p -> targets.add(new SelectItem(p.name(), Texts.label(TextBean.locale(), p.label()))));
        }
        return targets;
    }
}
