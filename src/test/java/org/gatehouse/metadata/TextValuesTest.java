package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the audit trail recorded, read back into values: {@link ValueText#format} inverted. */
class TextValuesTest {

    enum Status {
        NEW,
        SHIPPED
    }

    private static PropertyDescriptor property(PropertyKind kind, Class<?> type) {
        return new PropertyDescriptor("x", "X", kind, type, false, 0, false, true, false, false, List.of(), null);
    }

    /** Each value read back from its text is the value again, to the minute for moments. */
    @Test
    void everyKindReadsBackToTheValueItsTextWasWrittenFrom() {
        List<Object[]> cases = List.of(
                new Object[] {PropertyKind.TEXT, String.class, "Porto, \"Ribeira\""},
                new Object[] {PropertyKind.LONG_TEXT, String.class, "two\nlines"},
                new Object[] {PropertyKind.BOOLEAN, Boolean.class, true},
                new Object[] {PropertyKind.BOOLEAN, boolean.class, false},
                new Object[] {PropertyKind.ENUM, Status.class, Status.SHIPPED},
                new Object[] {PropertyKind.INTEGER, Integer.class, -42},
                new Object[] {PropertyKind.INTEGER, int.class, 7},
                new Object[] {PropertyKind.INTEGER, long.class, 9_000_000_000L},
                new Object[] {PropertyKind.DECIMAL, BigDecimal.class, new BigDecimal("1000000.50")},
                new Object[] {
                    PropertyKind.DATE_TIME,
                    OffsetDateTime.class,
                    OffsetDateTime.of(2026, 11, 26, 8, 5, 0, 0, ZoneOffset.UTC)
                },
                new Object[] {PropertyKind.DATE_TIME, Instant.class, Instant.parse("2026-02-28T23:59:00Z")},
                new Object[] {PropertyKind.DATE_TIME, LocalDateTime.class, LocalDateTime.of(2026, 1, 1, 0, 0)},
                new Object[] {PropertyKind.DATE, LocalDate.class, LocalDate.of(2026, 12, 31)});
        for (Object[] c : cases) {
            PropertyDescriptor p = property((PropertyKind) c[0], (Class<?>) c[1]);
            String text = ValueText.format(c[2], p);
            assertEquals(
                    c[2], TextValues.parse(text, p), c[0] + " " + ((Class<?>) c[1]).getSimpleName() + " from " + text);
        }
    }

    @Test
    void aMomentIsReadInUtcToTheMinuteAsRecorded() {
        OffsetDateTime berlin = OffsetDateTime.of(2026, 11, 26, 9, 5, 59, 0, ZoneOffset.ofHours(1));
        PropertyDescriptor p = property(PropertyKind.DATE_TIME, OffsetDateTime.class);
        assertEquals(
                OffsetDateTime.of(2026, 11, 26, 8, 5, 0, 0, ZoneOffset.UTC),
                TextValues.parse(ValueText.format(berlin, p), p));
    }

    @Test
    void theEmptyTextIsNoValueWhichAPrimitiveCannotTake() {
        assertNull(TextValues.parse("", property(PropertyKind.TEXT, String.class)));
        assertNull(TextValues.parse(null, property(PropertyKind.INTEGER, Integer.class)));
        assertNull(TextValues.parse("", property(PropertyKind.DATE_TIME, OffsetDateTime.class)));
        assertThrows(
                TextValues.Unreadable.class, () -> TextValues.parse("", property(PropertyKind.INTEGER, int.class)));
        assertThrows(
                TextValues.Unreadable.class, () -> TextValues.parse("", property(PropertyKind.BOOLEAN, boolean.class)));
    }

    @Test
    void textsNoValueWasWrittenAsAreRefusedNotGuessed() {
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("yes", property(PropertyKind.BOOLEAN, Boolean.class)));
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("Ja", property(PropertyKind.BOOLEAN, Boolean.class)));
        assertThrows(
                TextValues.Unreadable.class, () -> TextValues.parse("LOST", property(PropertyKind.ENUM, Status.class)));
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("12,50", property(PropertyKind.DECIMAL, BigDecimal.class)));
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("1e999999999999", property(PropertyKind.DECIMAL, BigDecimal.class)));
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("99999999999", property(PropertyKind.INTEGER, Integer.class)));
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("26.11.2026 08:05", property(PropertyKind.DATE_TIME, OffsetDateTime.class)));
        assertThrows(
                TextValues.Unreadable.class,
                () -> TextValues.parse("2026-02-30 08:05", property(PropertyKind.DATE_TIME, Instant.class)));
        assertThrows(
                IllegalArgumentException.class,
                () -> TextValues.parse(
                        "Ann",
                        new PropertyDescriptor(
                                "customer",
                                "C",
                                PropertyKind.TO_ONE,
                                Object.class,
                                false,
                                0,
                                false,
                                true,
                                false,
                                false,
                                List.of(),
                                "name")));
    }

    @Test
    void relationsSplitIntoTheirLabelsAndIds() {
        assertEquals(List.of("admin", "editor"), TextValues.labels("admin, editor"));
        assertEquals(List.of(), TextValues.labels(""));
        assertEquals(List.of("4"), TextValues.ids("4"));
        assertEquals(List.of("1", "3"), TextValues.ids("1,3"));
        assertEquals(List.of(), TextValues.ids(null));
    }
}
