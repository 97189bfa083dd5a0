-- The trash: a deleted record of a view that keeps one is moved here, out of its own table, so that
-- lists, counts, pickers, exports and unique checks of that table never see it and need no extra
-- condition. One row per record: its values to restore it from (exact texts and related ids), its
-- title and list texts to show it by, what the trash's search compares with (title and searchable
-- fields, lower case), and who deleted it when.
CREATE TABLE trash (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    view_name   VARCHAR(80)              NOT NULL,
    entity_type VARCHAR(100)             NOT NULL,
    record_id   VARCHAR(64)              NOT NULL,
    title       VARCHAR(500),
    search_text VARCHAR(2000),
    shown       TEXT                     NOT NULL,
    record_data TEXT                     NOT NULL,
    deleted_by  VARCHAR(254),
    deleted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL DEFAULT 0
);
CREATE SEQUENCE trash_seq START WITH 50 INCREMENT BY 50;
-- a view's trash, newest first, a page at a time
CREATE INDEX trash_view_deleted_idx ON trash (view_name, deleted_at, id);
-- retention: everything deleted before a cut-off
CREATE INDEX trash_deleted_idx ON trash (deleted_at);
