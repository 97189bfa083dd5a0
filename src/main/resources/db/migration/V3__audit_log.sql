-- Append-only audit trail of every admin write and security event.
CREATE SEQUENCE audit_log_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_log (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(254),
    client_ip    VARCHAR(64),
    action       VARCHAR(40)              NOT NULL,
    entity_type  VARCHAR(80),
    entity_id    VARCHAR(64),
    entity_label VARCHAR(255),
    changes      TEXT,
    version      BIGINT                   NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_record_idx ON audit_log (entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);
