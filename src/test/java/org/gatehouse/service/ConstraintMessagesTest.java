package org.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.gatehouse.i18n.Message;
import org.gatehouse.metadata.PropertyDescriptor;
import org.gatehouse.metadata.PropertyKind;
import org.junit.jupiter.api.Test;

/** Database refusals, as PostgreSQL and H2 word them, become form messages on the right field. */
class ConstraintMessagesTest {

    private static final List<PropertyDescriptor> CUSTOMER = List.of(
            text("name"),
            text("email"),
            text("createdAt"),
            new PropertyDescriptor(
                    "customer",
                    "Customer",
                    PropertyKind.TO_ONE,
                    Object.class,
                    true,
                    0,
                    false,
                    true,
                    false,
                    false,
                    List.of(),
                    "name"));

    private static PropertyDescriptor text(String name) {
        return new PropertyDescriptor(
                name, name, PropertyKind.TEXT, String.class, false, 0, false, true, false, false, List.of(), null);
    }

    private static WriteException refusal(String state, String message) {
        return ConstraintMessages.refusal(CUSTOMER, state, message).orElseThrow();
    }

    @Test
    void aDuplicateBelongsToTheColumnTheDriverNames() {
        WriteException postgres = refusal(
                "23505",
                "ERROR: duplicate key value violates unique constraint "
                        + "\"customers_email_key\"\n  Detail: Key (email)=(name@example.com) already exists.");
        assertEquals("email", postgres.getField(), "the value's words (name) do not count");
        assertEquals(Message.of("service.duplicate"), postgres.getText());

        WriteException h2 = refusal(
                "23505",
                "Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_6 ON "
                        + "PUBLIC.CUSTOMERS(EMAIL NULLS FIRST) VALUES ( /* 8 */ 'name@example.com' )\"; SQL statement: insert");
        assertEquals("email", h2.getField());
    }

    @Test
    void aConstraintOverSeveralColumnsBelongsToTheWholeRecord() {
        WriteException both = refusal(
                "23505",
                "ERROR: duplicate key value violates unique constraint \"x_uk\"\n"
                        + "  Detail: Key (a, b)=(1, 2) already exists.");
        assertNull(both.getField());
        assertEquals(Message.of("service.duplicate.record"), both.getText());
    }

    @Test
    void aRecordStillReferredToIsInUseAndAMissingOneIsGone() {
        WriteException inUse = refusal(
                "23503",
                "ERROR: update or delete on table \"customers\" violates foreign key "
                        + "constraint \"orders_customer_id_fkey\" on table \"orders\"");
        assertNull(inUse.getField());
        assertEquals(Message.of("service.inUse"), inUse.getText());
        assertTrue(inUse.getMessage().contains("still used"), inUse.getMessage());

        WriteException gone = refusal(
                "23503",
                "ERROR: insert or update on table \"orders\" violates foreign key "
                        + "constraint \"orders_customer_id_fkey\"\n  Detail: Key (customer_id)=(99) is not present in table \"customers\".");
        assertEquals("customer", gone.getField(), "customer_id is the customer relation");
        assertEquals(Message.of("service.relatedMissing"), gone.getText());

        WriteException h2 = refusal(
                "23506",
                "Referential integrity constraint violation: \"CONSTRAINT_C: PUBLIC.ORDERS "
                        + "FOREIGN KEY(CUSTOMER_ID) REFERENCES PUBLIC.CUSTOMERS(ID) (CAST(99 AS BIGINT))\"");
        assertEquals("customer", h2.getField());
    }

    @Test
    void missingAndOutOfRangeValuesNameTheirField() {
        WriteException postgres = refusal(
                "23502",
                "ERROR: null value in column \"created_at\" of relation \"customers\" "
                        + "violates not-null constraint");
        assertEquals("createdAt", postgres.getField());
        assertEquals(Message.of("service.required"), postgres.getText());
        assertEquals(
                "createdAt",
                refusal("23502", "NULL not allowed for column \"CREATED_AT\"; SQL statement")
                        .getField());
        WriteException check =
                refusal("23514", "ERROR: new row for relation \"products\" violates check constraint \"x\"");
        assertNull(check.getField());
        assertEquals(Message.of("service.outOfRange.record"), check.getText());
    }

    @Test
    void otherFailuresAreNoRefusalAPersonCanFix() {
        assertTrue(ConstraintMessages.refusal(CUSTOMER, "08006", "connection failure")
                .isEmpty());
        assertTrue(ConstraintMessages.refusal(CUSTOMER, null, null).isEmpty());
    }

    @Test
    void theTextsReadLikeFormMessagesInBothLanguages() {
        assertEquals(
                "another record already has this value; enter a different one.",
                Message.of("service.duplicate").text(Locale.ENGLISH));
        assertTrue(Message.of("service.duplicate").text(Locale.GERMAN).startsWith("dieser Wert"));
        assertEquals("createdAt", refusal("23502", "column \"created_at\"").getField());
        assertEquals("created_at", ConstraintMessages.column("createdAt"));
    }
}
