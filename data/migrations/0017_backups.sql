-- How this register is backed up. Not a record of the register: it is not
-- in the history, and Undo does not touch it. The backup key is kept only
-- sealed with the passphrase the user chose (age's scrypt); the passphrase
-- itself is never stored.
CREATE TABLE backup_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    folder     TEXT NOT NULL DEFAULT '',
    keep       INTEGER NOT NULL DEFAULT 10 CHECK (keep >= 1),
    recipient  TEXT NOT NULL DEFAULT '',   -- the backup key's public half (age1…)
    sealed_key BLOB,                       -- its secret half, encrypted with the passphrase
    ministry   TEXT NOT NULL DEFAULT '',   -- an age public key that can open every backup too
    last_at    TEXT NOT NULL DEFAULT '',   -- when the last backup was made (UTC, RFC 3339)
    last_file  TEXT NOT NULL DEFAULT ''
);
