package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading row scopes: what is accepted, how it reads back, and what is refused with which words. */
class RowScopeTest {

    @Test
    void conditionsJoinedByAndReadBackTheSameWay() {
        RowScope scope =
                RowScope.parse("  customer.country={user.country} AND status = 'NEW' and active = true and id = -3 ");
        assertEquals(
                List.of(
                        new RowScope.Condition("customer.country", "country", null),
                        new RowScope.Condition("status", null, "NEW"),
                        new RowScope.Condition("active", null, "true"),
                        new RowScope.Condition("id", null, "-3")),
                scope.conditions());
        assertEquals(
                "customer.country = {user.country} and status = 'NEW' and active = true and id = -3", scope.toString());
        assertEquals(scope, RowScope.parse(scope.toString()));
        assertEquals(List.of("country"), scope.userAttributes());
    }

    @Test
    void blankIsNoScope() {
        assertNull(RowScope.parse(null));
        assertNull(RowScope.parse(" \t "));
    }

    @Test
    void aMissingUserValueMatchesNothingRatherThanEverything() {
        RowScope.Condition condition =
                RowScope.parse("country = {user.country}").conditions().get(0);
        Map<String, Object> withoutCountry = new HashMap<>();
        withoutCountry.put("country", null);
        assertNull(condition.value(withoutCountry));
        assertEquals("DE", condition.value(Map.of("country", "DE")));
    }

    @Test
    void anythingElseIsRefusedWithAReason() {
        for (String bad : List.of(
                "country",
                "country = DE",
                "country == 'DE'",
                "country = 'DE' or 1 = 1",
                "country = 'DE'; drop table orders",
                "a.b.c = 1",
                "country = {user.password}",
                "country = {country}",
                "country = 'it''s'",
                "country = 'DE\u0000'",
                "country = '" + "x".repeat(101) + "'",
                "= 'DE'",
                "country = 'DE' and",
                "x".repeat(RowScope.MAX_LENGTH + 1))) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> RowScope.parse(bad), bad);
            assertTrue(refused.getMessage().length() > 10, bad);
            assertTrue(refused.getMessage().chars().noneMatch(Character::isISOControl), "no control characters echoed");
        }
    }

    @Test
    void rulesOfSeveralRolesAddUp() {
        ViewRules first =
                ViewRules.of(RowScope.parse("country = {user.country}"), java.util.Set.of("total"), java.util.Set.of());
        ViewRules second = ViewRules.of(RowScope.parse("status = 'NEW'"), java.util.Set.of(), java.util.Set.of("note"));
        ViewRules both = first.and(second);
        assertEquals(2, both.scopes().size());
        assertEquals(java.util.Set.of("total"), both.hidden());
        assertEquals(java.util.Set.of("note"), both.readOnly());
        assertTrue(both.fixed("total") && both.fixed("note"));
        assertEquals(first, first.and(ViewRules.NONE));
        assertEquals(second, ViewRules.NONE.and(second));
    }
}
