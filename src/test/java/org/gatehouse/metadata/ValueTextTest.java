package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one text form of values that lists, details, exports and the audit trail share. */
class ValueTextTest {

    private static final PropertyDescriptor PLAIN = new PropertyDescriptor(
            "x", "X", PropertyKind.TEXT, String.class, false, 0, false, true, false, false, List.of(), null);
    private static final PropertyDescriptor RELATION = new PropertyDescriptor(
            "tag", "Tag", PropertyKind.TO_MANY, Tag.class, false, 0, false, true, false, false, List.of(), "name");

    /** A related record, labelled by its name. */
    public static final class Tag {
        private final String name;

        Tag(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    @Test
    void eachKindOfValueReadsOneWay() {
        assertEquals("", ValueText.format(null, PLAIN));
        assertEquals("Yes", ValueText.format(true, PLAIN));
        assertEquals("No", ValueText.format(false, PLAIN));
        assertEquals("1000000.5", ValueText.format(new BigDecimal("1.0000005E+6"), PLAIN), "no exponent");
        assertEquals("10.00", ValueText.format(new BigDecimal("10.00"), PLAIN), "the scale kept");
        assertEquals("2026-11-26 08:05", ValueText.format(Instant.parse("2026-11-26T08:05:59Z"), PLAIN));
        assertEquals(
                "2026-11-26 07:05",
                ValueText.format(OffsetDateTime.of(2026, 11, 26, 8, 5, 0, 0, ZoneOffset.ofHours(1)), PLAIN),
                "in UTC");
        assertEquals("2026-11-26 08:05", ValueText.format(LocalDateTime.of(2026, 11, 26, 8, 5), PLAIN));
        assertEquals("<b>&amp;", ValueText.format("<b>&amp;", PLAIN), "text as it is: pages escape it");
    }

    @Test
    void collectionsOfRelatedRecordsReadAsSortedLabels() {
        assertEquals(
                "admin, editor, viewer",
                ValueText.format(Set.of(new Tag("viewer"), new Tag("admin"), new Tag("editor")), RELATION));
        assertEquals("", ValueText.format(List.of(), RELATION));
        assertEquals("", ValueText.label(null, RELATION));
        assertEquals("", ValueText.label(new Tag(null), RELATION));
    }
}
