-- A reset link is bound to the account's session stamp at the time it was sent: any later password
-- change, reset, role change or deactivation changes the stamp and so voids every outstanding link.
-- Links sent before this version carry no stamp and are void.
ALTER TABLE password_resets ADD COLUMN user_stamp VARCHAR(36);
