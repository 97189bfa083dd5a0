package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gatehouse.identity.RoleRule;
import org.gatehouse.metadata.ViewRules;
import org.junit.jupiter.api.Test;

/** What a save of a role's rules stores: parts not posted as stored or declared, posted ones made canonical. */
class RuleChangeTest {

    private static final ViewRules DECLARED = ViewRules.of(null, Set.of("note"), Set.of());

    @Test
    void nothingPostedKeepsTheDeclaredRulesAndChangesNothing() {
        RuleChange change = RuleChange.of(ThingsView.VIEW, DECLARED, null, null, null, null, null, null);
        assertNull(change.scope());
        assertEquals("note", change.hidden());
        assertEquals("", change.readOnly());
        assertFalse(change.changes(null, DECLARED));
    }

    @Test
    void postedNamesAreReadInTheViewsOrderAndCompareWithWhatIsStored() {
        RoleRule stored = new RoleRule(null, "things");
        stored.change(null, "email, note", null, "admin@example.org");
        RuleChange same = RuleChange.of(ThingsView.VIEW, DECLARED, stored, null, "note ,email", null, null, null);
        assertEquals("email, note", same.hidden());
        assertFalse(same.changes(stored, DECLARED));
        RuleChange fewer = RuleChange.of(ThingsView.VIEW, DECLARED, stored, null, "note", null, null, null);
        assertTrue(fewer.changes(stored, DECLARED));
        RuleChange granted = RuleChange.of(ThingsView.VIEW, DECLARED, stored, null, null, null, "VIEW", null);
        assertTrue(granted.changes(stored, DECLARED), "a grant alone is a change");
    }

    @Test
    void appliedToARuleItIsStored() {
        RoleRule rule = new RoleRule(null, "things");
        RuleChange.of(ThingsView.VIEW, DECLARED, null, null, "email", null, "VIEW, EDIT", "")
                .applyTo(rule, "admin@example.org");
        assertEquals("email", rule.getHiddenFields());
        assertEquals("VIEW, EDIT", rule.getOperations());
        assertEquals("", rule.getActions());
        assertEquals("admin@example.org", rule.getChangedBy());
    }

    @Test
    void postedPartsAreNamedAsTheEditorNamesThem() {
        assertEquals(
                java.util.Arrays.asList(RuleEditor.SCOPE, RuleEditor.HIDDEN, RuleEditor.READ_ONLY),
                java.util.List.copyOf(RuleChange.posted("a", null, "b").keySet()));
        assertNull(RuleChange.posted("a", null, "b").get(RuleEditor.HIDDEN));
    }
}
