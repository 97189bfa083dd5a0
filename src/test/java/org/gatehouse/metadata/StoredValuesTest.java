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

class StoredValuesTest {

    enum Colour {
        RED,
        GREEN
    }

    @Test
    void everyKindOfValueComesBackExactly() {
        List<Object> values = List.of(
                "a, b ; \"c\"",
                true,
                false,
                42,
                7_000_000_000L,
                (short) 3,
                1.5d,
                2.25f,
                new BigDecimal("1234.50"),
                new BigDecimal("0.000001"),
                Colour.GREEN,
                OffsetDateTime.of(2026, 12, 3, 14, 5, 6, 123_456_000, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
                Instant.parse("2026-03-04T05:06:07.891Z"),
                LocalDateTime.of(2026, 5, 6, 7, 8, 9, 1_000),
                LocalDate.of(2026, 2, 28));
        for (Object value : values) {
            Object back = StoredValues.parse(StoredValues.text(value), value.getClass());
            assertEquals(value, back, value.getClass().getSimpleName());
        }
        assertEquals("1234.50", StoredValues.text(new BigDecimal("1234.50")), "scale kept, no exponent");
        assertEquals("1E+3", new BigDecimal("1E+3").toString());
        assertEquals(
                new BigDecimal("1000"),
                StoredValues.parse(StoredValues.text(new BigDecimal("1E+3")), BigDecimal.class));
    }

    @Test
    void noValueIsNullExceptForPrimitives() {
        assertNull(StoredValues.text(null));
        assertNull(StoredValues.parse(null, String.class));
        assertNull(StoredValues.parse(null, Integer.class));
        assertThrows(IllegalArgumentException.class, () -> StoredValues.parse(null, int.class));
        assertEquals(5, StoredValues.parse("5", int.class));
        assertEquals(Boolean.TRUE, StoredValues.parse("true", boolean.class));
    }

    @Test
    void aTextThatIsNoValueOfTheTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StoredValues.parse("yes", Boolean.class));
        assertThrows(IllegalArgumentException.class, () -> StoredValues.parse("BLUE", Colour.class));
        assertThrows(IllegalArgumentException.class, () -> StoredValues.parse("12x", Long.class));
        assertThrows(
                IllegalArgumentException.class, () -> StoredValues.parse("2026-13-01T00:00Z", OffsetDateTime.class));
        assertThrows(IllegalArgumentException.class, () -> StoredValues.parse("x", Object.class));
    }
}
