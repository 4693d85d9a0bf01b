-- Uploads (issue 15): each file a user hands the workbench, queued for reading and auditing by a background job, with
-- its state for the user to watch (queued → reading → auditing → done / failed with the reason). The bytes are kept
-- until the job has stored the original; a file seen before (same SHA-256) is recognised.
CREATE TABLE uploads (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB,
    state TEXT NOT NULL CHECK (state IN ('queued', 'reading', 'auditing', 'done', 'failed')),
    message TEXT,
    year_key TEXT,
    uploaded_by TEXT,
    uploaded_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE INDEX uploads_by_hash ON uploads (sha256);
CREATE INDEX uploads_by_time ON uploads (uploaded_at);
INSERT INTO juesuan_schema (version) VALUES (3) ON CONFLICT (version) DO NOTHING;
