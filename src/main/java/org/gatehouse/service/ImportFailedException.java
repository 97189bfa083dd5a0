package org.gatehouse.service;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An import that wrote nothing: the row that stopped it (its number in the file, the header being
 * row 1) and what is wrong with it.
 */
@ApplicationException(rollback = true)
public class ImportFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int row;
    private final List<ImportPlan.Problem> problems;

    public ImportFailedException(int row, List<ImportPlan.Problem> problems) {
        super("row " + row + ": " + problems);
        this.row = row;
        this.problems = List.copyOf(problems);
    }

    public int getRow() {
        return row;
    }

    public List<ImportPlan.Problem> getProblems() {
        return problems;
    }
}
