-- Schema 2 (issue 14): organisations (region → department → unit, with codes and name aliases), the uploaded
-- originals, every saved revision, facts keyed by a canonical code, and audit runs with their findings. A schema-1
-- store is carried over whole: each department-year gets its region and department (and the department's units, from
-- its document), its current document becomes its latest revision, and every figure becomes a fact.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES organisations(id),
    level TEXT NOT NULL CHECK (level IN ('region', 'department', 'unit')),
    code TEXT,
    name TEXT NOT NULL,
    province TEXT);
CREATE UNIQUE INDEX organisations_by_name ON organisations (COALESCE(parent_id, 0), level, name);

CREATE TABLE organisation_aliases (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (organisation_id, alias));
CREATE INDEX organisation_aliases_by_alias ON organisation_aliases (alias);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    reader TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT);
CREATE UNIQUE INDEX documents_by_hash ON documents (sha256);

ALTER TABLE department_years ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
ALTER TABLE department_years ADD COLUMN document_id INTEGER REFERENCES documents(id);

CREATE TABLE department_year_revisions (
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT,
    document_id INTEGER REFERENCES documents(id),
    content TEXT NOT NULL,
    PRIMARY KEY (year_key, revision));

CREATE TABLE facts (
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    table_id TEXT NOT NULL,
    code TEXT NOT NULL,
    canonical_code TEXT NOT NULL,
    column_key TEXT NOT NULL,
    value TEXT NOT NULL,
    decimals INTEGER NOT NULL,
    money_unit TEXT NOT NULL,
    PRIMARY KEY (year_key, scope, table_id, code, column_key));
CREATE INDEX facts_by_concept ON facts (table_id, canonical_code, column_key);

CREATE TABLE audit_runs (
    id INTEGER PRIMARY KEY,
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    run_at TEXT NOT NULL,
    run_by TEXT,
    rules INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    report TEXT NOT NULL);
CREATE INDEX audit_runs_by_year ON audit_runs (year_key, run_at);

CREATE TABLE findings (
    run_id INTEGER NOT NULL REFERENCES audit_runs(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    kind TEXT NOT NULL,
    table_id TEXT,
    location TEXT NOT NULL,
    message TEXT NOT NULL,
    actual TEXT,
    expected TEXT,
    gap TEXT,
    PRIMARY KEY (run_id, ordinal));
CREATE INDEX findings_by_rule ON findings (rule, severity);

-- What the store was last brought in line with (the crosswalk of the catalogues facts were mapped by).
CREATE TABLE juesuan_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL);

-- Carry a schema-1 store over.
INSERT INTO organisations (parent_id, level, name)
    SELECT DISTINCT NULL, 'region', COALESCE(json_extract(document, '$.department.region'), province) FROM department_years
    WHERE COALESCE(json_extract(document, '$.department.region'), province) IS NOT NULL;
INSERT INTO organisations (parent_id, level, code, name, province)
    SELECT (SELECT r.id FROM organisations r WHERE r.level = 'region' AND r.name = d.region), 'department', d.code, d.department, d.province
    FROM (SELECT department, MAX(province) AS province, MAX(json_extract(document, '$.department.code')) AS code,
                 MAX(COALESCE(json_extract(document, '$.department.region'), province)) AS region
          FROM department_years GROUP BY department) d;
UPDATE department_years SET organisation_id = (SELECT o.id FROM organisations o WHERE o.level = 'department' AND o.name = department_years.department);
INSERT OR IGNORE INTO organisations (parent_id, level, code, name)
    SELECT y.organisation_id, 'unit', json_extract(u.value, '$.code'), json_extract(u.value, '$.name')
    FROM department_years y, json_each(y.document, '$.units') u;
INSERT INTO department_year_revisions (year_key, revision, saved_at, content)
    SELECT key, revision, saved_at, document FROM department_years;
INSERT INTO facts (year_key, scope, table_id, code, canonical_code, column_key, value, decimals, money_unit)
    SELECT year_key, unit_name, table_id, row_key, row_key, column_key, value, decimals, money_unit FROM figures;
DROP TABLE figures;
CREATE INDEX department_years_by_organisation ON department_years (organisation_id, year);
INSERT INTO juesuan_schema (version) VALUES (2) ON CONFLICT (version) DO NOTHING;
