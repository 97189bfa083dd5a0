-- V12 started role_rules_seq at 1; JPA takes 50 ids per call (allocationSize = 50), the first
-- value it reads must be at least 50 (like every other sequence here), or the first save fails.
SELECT setval('role_rules_seq', GREATEST(50, (SELECT COALESCE(MAX(id), 0) FROM role_rules) + 50), false);
