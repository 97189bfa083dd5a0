package org.gatehouse.service;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * Rule texts that do not fit their view: nothing was saved. Carries, per part ({@code scope},
 * {@code hidden}, {@code readOnly}), what is wrong in English, as {@link org.gatehouse.metadata.RuleCheck}
 * says it; the editor shows each at its field after the part's label.
 */
@ApplicationException(rollback = true)
public class RuleRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> problems;

    public RuleRefusedException(Map<String, String> problems) {
        super(problems.toString());
        this.problems = Map.copyOf(problems);
    }

    /** Part name to what is wrong with it. */
    public Map<String, String> getProblems() {
        return problems;
    }
}
