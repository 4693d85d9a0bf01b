-- District review (issue 18). Organisations a bureau registers (imported from its list, or confirmed by a reviewer) are
-- marked, and once any is, a report is filed only under an organisation it matches. Each department-year says which
-- document it is (部门决算, 单位决算, 绩效自评), so the material ledger can count them. Due dates are kept per year and
-- kind. An upload whose organisation could not be decided from its content waits for a reviewer (state 'confirming')
-- with the name it printed and the candidates; the reviewer's choice is kept with it when it is queued again.
ALTER TABLE organisations ADD COLUMN registered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE department_years ADD COLUMN kind TEXT NOT NULL DEFAULT 'final' CHECK (kind IN ('final', 'unit', 'evaluation'));
UPDATE department_years SET kind = 'evaluation' WHERE document::jsonb ->> 'kind' = 'selfEvaluationReport';
-- How many self-evaluation forms a document carries (a 部门决算 often publishes its 绩效自评 with it).
ALTER TABLE department_years ADD COLUMN evaluations INTEGER NOT NULL DEFAULT 0;
UPDATE department_years SET evaluations = COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(document::jsonb -> 'evaluations') = 'array' THEN document::jsonb -> 'evaluations' END), 0);

CREATE TABLE due_dates (
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('final', 'unit', 'evaluation')),
    due_on TEXT NOT NULL,
    PRIMARY KEY (year, kind));

ALTER TABLE uploads DROP CONSTRAINT IF EXISTS uploads_state_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_state_check CHECK (state IN ('queued', 'reading', 'auditing', 'confirming', 'done', 'failed'));
ALTER TABLE uploads ADD COLUMN printed_name TEXT;
ALTER TABLE uploads ADD COLUMN candidates TEXT;
ALTER TABLE uploads ADD COLUMN chosen_organisation_id BIGINT REFERENCES organisations(id);
-- A stand-alone self-evaluation was stored under 「名称/年度」, the key of the department's disclosure: it moves to
-- 「名称/年度/绩效自评」 with its revisions, facts, audits, reviews and sign-offs (unless that key is taken already).
INSERT INTO department_years (key, department, year, province, template_id, units, tables, revision, saved_at, document, organisation_id, document_id, kind, evaluations)
    SELECT y.key || '/绩效自评', y.department, y.year, y.province, y.template_id, y.units, y.tables, y.revision, y.saved_at, y.document, y.organisation_id, y.document_id, y.kind, y.evaluations
    FROM department_years y
    WHERE y.kind = 'evaluation' AND y.key NOT LIKE '%/绩效自评' AND NOT EXISTS (SELECT 1 FROM department_years t WHERE t.key = y.key || '/绩效自评');
UPDATE department_year_revisions SET year_key = year_key || '/绩效自评' WHERE year_key IN (SELECT key FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评') AND year_key || '/绩效自评' IN (SELECT key FROM department_years);
UPDATE facts SET year_key = year_key || '/绩效自评' WHERE year_key IN (SELECT key FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评') AND year_key || '/绩效自评' IN (SELECT key FROM department_years);
UPDATE audit_runs SET year_key = year_key || '/绩效自评' WHERE year_key IN (SELECT key FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评') AND year_key || '/绩效自评' IN (SELECT key FROM department_years);
UPDATE reviews SET year_key = year_key || '/绩效自评' WHERE year_key IN (SELECT key FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评') AND year_key || '/绩效自评' IN (SELECT key FROM department_years);
UPDATE signoffs SET year_key = year_key || '/绩效自评' WHERE year_key IN (SELECT key FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评') AND year_key || '/绩效自评' IN (SELECT key FROM department_years);
UPDATE uploads SET year_key = year_key || '/绩效自评' WHERE year_key IN (SELECT key FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评') AND year_key || '/绩效自评' IN (SELECT key FROM department_years);
DELETE FROM department_years WHERE kind = 'evaluation' AND key NOT LIKE '%/绩效自评' AND key || '/绩效自评' IN (SELECT key FROM department_years);
CREATE INDEX department_years_by_kind ON department_years (year, kind);
INSERT INTO juesuan_schema (version) VALUES (8) ON CONFLICT (version) DO NOTHING;
