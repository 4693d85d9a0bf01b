-- Schema 1, as Juesuan created it before migrations (juesuan_schema version 1). On a store made by that build this
-- changes nothing; on a new store it lays the ground the later scripts build on.
CREATE TABLE IF NOT EXISTS department_years (
    key TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    year INTEGER NOT NULL,
    province TEXT,
    template_id TEXT NOT NULL,
    units INTEGER NOT NULL,
    tables INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    document TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS figures (
    year_key TEXT NOT NULL REFERENCES department_years(key) ON DELETE CASCADE,
    unit_name TEXT NOT NULL,
    table_id TEXT NOT NULL,
    row_key TEXT NOT NULL,
    column_key TEXT NOT NULL,
    value TEXT NOT NULL,
    decimals INTEGER NOT NULL,
    money_unit TEXT NOT NULL,
    PRIMARY KEY (year_key, unit_name, table_id, row_key, column_key));

CREATE INDEX IF NOT EXISTS figures_by_cell ON figures (table_id, row_key, column_key);
CREATE INDEX IF NOT EXISTS department_years_by_year ON department_years (year, department);
CREATE TABLE IF NOT EXISTS juesuan_schema (version INTEGER PRIMARY KEY);
INSERT INTO juesuan_schema (version) VALUES (1) ON CONFLICT (version) DO NOTHING;
