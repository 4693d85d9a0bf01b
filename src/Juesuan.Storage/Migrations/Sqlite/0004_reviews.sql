-- Review (issue 15): a reviewer's decision on a finding (确认问题 / 误报 / 已整改) with a comment, kept with the revision
-- it was made on; a finding is known across revisions by its fingerprint (rule, place, printed value), so a decision
-- carries over to a finding that persists in a corrected version. Sign-off (审核通过) records who and when, per revision.
CREATE TABLE reviews (
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'false-alarm', 'corrected')),
    comment TEXT,
    decided_by TEXT,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (year_key, revision, fingerprint));

CREATE TABLE signoffs (
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    signed_by TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (year_key, revision));
INSERT INTO juesuan_schema (version) VALUES (4) ON CONFLICT (version) DO NOTHING;
