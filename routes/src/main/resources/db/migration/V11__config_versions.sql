-- Versioned configs: every edit an admin (or a file change, author 'file') makes, checked,
-- with who, when, why and the diff against the version before; exactly one ACTIVE per kind.
CREATE TABLE config_version (
    kind       VARCHAR(32)     NOT NULL,
    version    INT             NOT NULL,
    content    VARCHAR(200000) NOT NULL,
    author     VARCHAR(64)     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(500)    NOT NULL,
    status     VARCHAR(16)     NOT NULL,
    diff       VARCHAR(200000) NOT NULL,
    PRIMARY KEY (kind, version)
);
