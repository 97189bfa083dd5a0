-- Operations and bulk actions an admin granted a role on a view on its Permissions tab: comma
-- lists (VIEW, CREATE, EDIT, DELETE; action names) replacing the view's declaration for that role;
-- null keeps the declaration. Configuration (GATEHOUSE_PERMISSIONS_<VIEW>_<OP>) still wins.
ALTER TABLE role_rules ADD COLUMN operations VARCHAR(100);
ALTER TABLE role_rules ADD COLUMN actions VARCHAR(1000);
