package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.gatehouse.audit.AuditAction;
import org.gatehouse.demo.OrderStatus;
import org.junit.jupiter.api.Test;

/** The words around view labels, which may be plain text or bundle keys, in English and German. */
class LabelsTest {

    private enum Unlabelled {
        BULK_DELETE
    }

    @Test
    void labelsInASentenceFollowTheLanguage() {
        assertEquals("audit entry", Labels.inSentence(Locale.ENGLISH, "Audit entry"));
        assertEquals("SKU", Labels.inSentence(Locale.ENGLISH, "SKU"), "acronyms keep their capitals");
        assertEquals("client IP", Labels.inSentence(Locale.ENGLISH, "Client IP"));
        assertEquals("Bestellung", Labels.inSentence(Locale.GERMAN, "Bestellung"), "German nouns keep theirs");
        assertEquals("", Labels.inSentence(Locale.ENGLISH, ""));
    }

    @Test
    void countedNounsUseTheViewsCountTextOrItsLabels() {
        assertEquals("1 order", Labels.counted(Locale.ENGLISH, "view.orders", "view.orders.singular", 1));
        assertEquals("1,000 orders", Labels.counted(Locale.ENGLISH, "view.orders", "view.orders.singular", 1000));
        assertEquals("0 orders", Labels.counted(Locale.ENGLISH, "view.orders", "view.orders.singular", 0));
        assertEquals(
                "4 audit entries",
                Labels.counted(Locale.ENGLISH, "view.audit", "view.audit.singular", 4),
                "not \"4 audit log\"");
        assertEquals("1.000 Bestellungen", Labels.counted(Locale.GERMAN, "view.orders", "view.orders.singular", 1000));
        assertEquals("1 Kunde", Labels.counted(Locale.GERMAN, "view.customers", "view.customers.singular", 1));
        // a deployer's plain labels
        assertEquals("3 widgets", Labels.counted(Locale.ENGLISH, "Widgets", "Widget", 3));
        assertEquals("widget", Labels.noun(Locale.ENGLISH, "Widgets", "Widget", 1));
    }

    @Test
    void enumConstantsReadByTheirLabelOrTheirCapitalisedName() {
        assertEquals("Shipped", Labels.enumLabel(Locale.ENGLISH, OrderStatus.SHIPPED));
        assertEquals("Versandt", Labels.enumLabel(Locale.GERMAN, OrderStatus.SHIPPED));
        assertEquals("Updated", Labels.enumLabel(Locale.ENGLISH, AuditAction.UPDATE));
        assertEquals("Bulk delete", Labels.enumLabel(Locale.GERMAN, Unlabelled.BULK_DELETE), "no text: the name");
        assertEquals("", Labels.enumLabel(Locale.ENGLISH, null));
        assertEquals("Cancelled", Labels.capitalised("CANCELLED"));
    }

    @Test
    void everyEnumConstantTheAdminShowsHasATextInBothLanguages() {
        for (Enum<?>[] constants : new Enum<?>[][] {OrderStatus.values(), AuditAction.values()}) {
            for (Enum<?> constant : constants) {
                String key = "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
                assertTrue(org.gatehouse.i18n.Texts.has(key), key);
                assertFalse(org.gatehouse.i18n.Texts.text(Locale.GERMAN, key).startsWith("???"), key);
            }
        }
    }

    @Test
    void aLabelWithPlaceholdersIsFormattedAndAPlainOneStays() {
        assertEquals(
                "Mark the 3 selected orders as shipped?",
                Labels.format(Locale.ENGLISH, "view.orders.action.ship.confirm", 3));
        assertEquals(
                "Mark the selected order as shipped?",
                Labels.format(Locale.ENGLISH, "view.orders.action.ship.confirm", 1));
        assertEquals(
                "Die 3 ausgewählten Bestellungen als versandt markieren?",
                Labels.format(Locale.GERMAN, "view.orders.action.ship.confirm", 3));
        assertEquals("Ship them?", Labels.format(Locale.ENGLISH, "Ship them?", 3));
        assertTrue(Labels.isKey("view.orders"));
        assertFalse(Labels.isKey("Mark shipped."));
    }
}
