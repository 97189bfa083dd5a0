package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.gatehouse.i18n.Message;
import org.junit.jupiter.api.Test;

class WriteHookTest {

    static class Account {
        private String hash;

        public String getHash() {
            return hash;
        }

        public void setHash(String hash) {
            this.hash = hash;
        }
    }

    private final WriteHook<Account> secret = new SecretField<>("hash", (account, typed) -> {
        if (typed.length() < 4) {
            throw new SecretWriter.Refused(Message.of("password.tooShort"));
        }
        account.setHash("hashed:" + typed);
    });

    @Test
    void aViewWithoutHookChangesNothing() {
        WriteHook<Account> none = WriteHook.none();
        Account account = new Account();
        account.setHash("kept");
        for (WriteHook.Change<Account> change :
                java.util.List.of(none.onCreate("typed"), none.onUpdate(account, "typed"))) {
            change.apply().accept(account);
            assertEquals(Set.of(), change.properties());
            assertNull(change.secretField());
        }
        assertEquals("kept", account.getHash());
    }

    @Test
    void aNewRecordNeedsATypedSecret() {
        for (String typed : new String[] {null, ""}) {
            var refused = assertThrows(WriteHook.Refused.class, () -> secret.onCreate(typed));
            assertEquals(SecretField.FIELD, refused.getField());
            assertEquals(Message.of("service.required"), refused.getText());
        }
        Account account = new Account();
        WriteHook.Change<Account> change = secret.onCreate("long enough");
        assertNull(account.getHash(), "decided, not yet written");
        change.apply().accept(account);
        assertEquals("hashed:long enough", account.getHash());
        assertEquals(Set.of("hash"), change.properties());
        assertEquals("password", change.secretField());
    }

    @Test
    void anEditWithoutATypedSecretKeepsTheStoredOne() {
        Account stored = new Account();
        stored.setHash("stored");
        for (String typed : new String[] {null, ""}) {
            Account edited = new Account();
            WriteHook.Change<Account> change = secret.onUpdate(stored, typed);
            change.apply().accept(edited);
            assertEquals("stored", edited.getHash());
            assertEquals(Set.of(), change.properties(), "nothing a step-up rule could ask about");
            assertNull(change.secretField(), "nothing to note in the audit entry");
        }
    }

    @Test
    void anEditWithATypedSecretWritesItThroughTheViewsWriter() {
        Account stored = new Account();
        stored.setHash("stored");
        Account edited = new Account();
        WriteHook.Change<Account> change = secret.onUpdate(stored, "new secret");
        change.apply().accept(edited);
        assertEquals("hashed:new secret", edited.getHash());
        assertEquals(Set.of("hash"), change.properties());
        assertEquals("password", change.secretField());
    }

    @Test
    void theWritersRefusalNamesTheFormField() {
        WriteHook.Change<Account> change = secret.onUpdate(new Account(), "abc");
        var refused = assertThrows(WriteHook.Refused.class, () -> change.apply().accept(new Account()));
        assertEquals("password", refused.getField());
        assertEquals(Message.of("password.tooShort"), refused.getText());
    }
}
