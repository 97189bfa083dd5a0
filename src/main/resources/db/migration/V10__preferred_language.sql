-- The language a user chose in the switcher, applied again at their next sign-in (null: the browser's).
alter table users add column language varchar(8);
