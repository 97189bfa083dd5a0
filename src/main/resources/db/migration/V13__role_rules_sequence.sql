-- V12 started role_rules_seq at 1; JPA takes 50 ids per call (allocationSize = 50), so the first
-- value it reads must be at least 50 (like every other sequence here), or the first save fails.
-- Nothing can have used the sequence yet: no page saved rules before this version.
ALTER SEQUENCE role_rules_seq RESTART WITH 50;
