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
CREATE INDEX department_years_by_kind ON department_years (year, kind);
INSERT INTO juesuan_schema (version) VALUES (8) ON CONFLICT (version) DO NOTHING;
