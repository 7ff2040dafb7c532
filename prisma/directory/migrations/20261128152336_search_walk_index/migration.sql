-- Hand-written (Prisma cannot describe INCLUDE columns). Replaces institution_name_id_idx.
-- A fragment found in thousands of names (英语, 美术) is answered by walking the names in order
-- and keeping the first matches: with every column the search filters on included, the walk reads
-- only this index (an index-only scan), never the table, until the page is full. Rare fragments
-- still go through the name-gram GIN index; the planner chooses between them by the grams' statistics.
CREATE INDEX "institution_search_walk_idx" ON "directory"."institution" ("name", "id")
  INCLUDE ("search_name", "name_grams", "pinyin_initials", "category", "district", "scopes", "license_status");
