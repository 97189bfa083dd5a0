package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.gatehouse.demo.OrderStatus;
import org.junit.jupiter.api.Test;

/** An attribute's kind from its mapping, Java type and length alone. */
class PropertyKindsTest {

    private static PropertyKind basic(Class<?> type) {
        return PropertyKinds.of(PersistentAttributeType.BASIC, type, 0);
    }

    @Test
    void relationsAreKnownByTheirMappingWhateverTheirType() {
        assertEquals(PropertyKind.TO_ONE, PropertyKinds.of(PersistentAttributeType.MANY_TO_ONE, String.class, 0));
        assertEquals(PropertyKind.TO_ONE, PropertyKinds.of(PersistentAttributeType.ONE_TO_ONE, Long.class, 0));
        assertEquals(PropertyKind.TO_MANY, PropertyKinds.of(PersistentAttributeType.MANY_TO_MANY, String.class, 0));
        assertEquals(PropertyKind.TO_MANY, PropertyKinds.of(PersistentAttributeType.ONE_TO_MANY, String.class, 0));
    }

    @Test
    void basicAttributesByTheirJavaType() {
        assertEquals(PropertyKind.ENUM, basic(OrderStatus.class));
        assertEquals(PropertyKind.BOOLEAN, basic(boolean.class));
        assertEquals(PropertyKind.BOOLEAN, basic(Boolean.class));
        assertEquals(PropertyKind.INTEGER, basic(long.class));
        assertEquals(PropertyKind.INTEGER, basic(Integer.class));
        assertEquals(PropertyKind.DECIMAL, basic(BigDecimal.class));
        assertEquals(PropertyKind.DATE_TIME, basic(Instant.class));
        assertEquals(PropertyKind.DATE, basic(LocalDate.class));
        assertEquals(PropertyKind.TEXT, basic(String.class));
    }

    @Test
    void textLongerThanALineIsLongText() {
        assertEquals(PropertyKind.TEXT, PropertyKinds.of(PersistentAttributeType.BASIC, String.class, 255));
        assertEquals(PropertyKind.LONG_TEXT, PropertyKinds.of(PersistentAttributeType.BASIC, String.class, 256));
        assertEquals(
                PropertyKind.LONG_TEXT,
                PropertyKinds.of(PersistentAttributeType.BASIC, String.class, Integer.MAX_VALUE));
        assertEquals(PropertyKind.INTEGER, PropertyKinds.of(PersistentAttributeType.BASIC, Long.class, 4000));
    }

    @Test
    void aRelatedTextIsNamedFromTheRelationAndItsAttribute() {
        assertEquals("Customer email", RelatedText.label("customer", "email"));
        assertEquals("Created by display name", RelatedText.label("createdBy", "displayName"));
    }
}
