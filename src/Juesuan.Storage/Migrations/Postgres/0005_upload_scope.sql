-- The organisation an upload was made for (issue 15): a preparer's upload may only become a department-year of their
-- own organisation; NULL for reviewers and administrators, who may upload any.
ALTER TABLE uploads ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);
CREATE INDEX uploads_by_uploader ON uploads (uploaded_by, id);
INSERT INTO juesuan_schema (version) VALUES (5) ON CONFLICT (version) DO NOTHING;
