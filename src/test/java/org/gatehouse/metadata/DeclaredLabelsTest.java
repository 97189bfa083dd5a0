package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.gatehouse.audit.AuditAdminViews;
import org.gatehouse.demo.DemoAdminViews;
import org.gatehouse.i18n.Texts;
import org.gatehouse.identity.IdentityAdminViews;
import org.junit.jupiter.api.Test;

/**
 * The application's own view declarations give bundle keys for every label, and each key has a
 * text in English and German: a view, property, action or tab label that is a key nobody wrote
 * would show as the key itself.
 */
class DeclaredLabelsTest {

    private static List<AdminViewDeclaration<?>> declarations() {
        DemoAdminViews demo = new DemoAdminViews();
        IdentityAdminViews identity = new IdentityAdminViews();
        return List.of(
                demo.customers(),
                demo.products(),
                demo.orders(),
                identity.users(),
                identity.roles(),
                new AuditAdminViews().audit());
    }

    @Test
    void everyDeclaredLabelIsAKeyWithTextsInBothLanguages() {
        Set<String> missing = new TreeSet<>();
        for (AdminViewDeclaration<?> declaration : declarations()) {
            List<String> labels = new ArrayList<>(List.of(
                    declaration.label, declaration.singularLabel, declaration.category, declaration.label + ".count"));
            labels.addAll(declaration.labels.values());
            declaration.actions.forEach(action -> labels.addAll(List.of(action.label(), action.confirm())));
            declaration.tabs.forEach(tab -> labels.add(tab.label()));
            for (String label : labels) {
                if (!Labels.isKey(label)) {
                    missing.add(declaration.name + ": '" + label + "' is plain text, not a bundle key");
                }
                for (Locale locale : Texts.SUPPORTED) {
                    if (Texts.text(locale, label).startsWith("???")) {
                        missing.add(declaration.name + ": " + label + " (" + locale + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void actionConfirmationsSayHowManyRecords() {
        for (AdminViewDeclaration<?> declaration : declarations()) {
            for (BulkAction<?> action : declaration.actions) {
                for (Locale locale : Texts.SUPPORTED) {
                    String many = Labels.format(locale, action.confirm(), 7);
                    assertEquals(true, many.contains("7"), declaration.name + "." + action.name() + ": " + many);
                }
            }
        }
    }
}
