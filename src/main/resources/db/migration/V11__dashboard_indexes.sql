-- The dashboard reads index ranges, never whole tables: records created per day over the last 30 days
-- (orders already have orders_created_idx), sign-ins, failures and lockouts per day, and the newest
-- entries of one actor.
CREATE INDEX customers_created_idx ON customers (created_at);
CREATE INDEX users_created_idx ON users (created_at);
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at);
-- the newest entries of one actor, in order, without reading all of them; serves the actor filter too
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor, at);
DROP INDEX audit_log_actor_idx;
