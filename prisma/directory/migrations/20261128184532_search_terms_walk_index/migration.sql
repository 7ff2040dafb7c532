-- Hand-written (Prisma cannot describe INCLUDE columns or GIN storage parameters).
--
-- A search is one array containment: the name's grams and the filters are all terms of
-- search_terms, so one GIN index finds the rows that match everything at once. It serves every
-- public search: no pending list (fastupdate), so a search never scans unmerged entries after a
-- burst of writes such as a rebuild.
ALTER INDEX "directory"."institution_search_terms_idx" SET (fastupdate = off);

-- A fragment found in thousands of names (英语, 美术) is answered by walking the names in order
-- and keeping the first matches: with the normalised name, the pinyin initials and the filter
-- columns included, the walk reads only this index (an index-only scan), never the table, and
-- tests each entry as a substring and plain values, until the page is full; a keyset page starts
-- where the previous one ended. The terms array stays out: it would make each entry four times
-- larger. (Dropping name_grams dropped the walk index that included it.)
DROP INDEX IF EXISTS "directory"."institution_search_walk_idx";
CREATE INDEX "institution_search_walk_idx" ON "directory"."institution" ("name", "id")
  INCLUDE ("search_name", "pinyin_initials", "district", "category", "scopes", "license_status");
