-- Each stored finding keeps its fingerprint (its identity across revisions, by which reviewers' decisions are kept), so
-- what counts a district's errors can leave out those its reviewers judged 误报 or marked 已整改. Findings stored before
-- have none (their figures were not kept): they count as undecided until the document is audited again.
ALTER TABLE findings ADD COLUMN fingerprint TEXT;
INSERT INTO juesuan_schema (version) VALUES (10) ON CONFLICT (version) DO NOTHING;
