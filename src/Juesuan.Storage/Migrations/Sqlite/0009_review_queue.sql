-- Review across many (issue 18): who reviews a document (assigned by a reviewer), a thread of comments per finding
-- between the reviewer and the preparer (kept across revisions by the finding's fingerprint), and each re-audit of the
-- whole store with the note of what changed.
CREATE TABLE assignments (
    year_key TEXT PRIMARY KEY REFERENCES department_years(key) ON DELETE CASCADE,
    reviewer TEXT NOT NULL,
    assigned_by TEXT,
    assigned_at TEXT NOT NULL);
CREATE INDEX assignments_by_reviewer ON assignments (reviewer);

CREATE TABLE finding_comments (
    id INTEGER PRIMARY KEY,
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    revision INTEGER NOT NULL,
    author TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reviewer', 'preparer')),
    text TEXT NOT NULL,
    written_at TEXT NOT NULL);
CREATE INDEX finding_comments_by_finding ON finding_comments (year_key, fingerprint, id);

CREATE TABLE reaudits (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    started_by TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    note TEXT);
INSERT INTO juesuan_schema (version) VALUES (9) ON CONFLICT (version) DO NOTHING;
