-- Which worker process last took an upload and how many times it was taken (issue 15): several workers share one queue,
-- and an upload whose worker died is taken again by another; the count shows that each was processed once, or why not.
ALTER TABLE uploads ADD COLUMN worker TEXT;
ALTER TABLE uploads ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
INSERT INTO juesuan_schema (version) VALUES (6) ON CONFLICT (version) DO NOTHING;
