-- Hand-written (Prisma cannot model these): why each statement is here.
--
-- 1. Entries are now folded from their registration facts (institution_fact). A directory built
--    before the journal existed has the facts in its timeline; copying them keeps a later change
--    from folding an entry out of a journal that lacks its LicenseIssued.
INSERT INTO "directory"."institution_fact" ("event_id", "institution_id", "type", "occurred_at", "payload")
SELECT "id", "institution_id", "type", "occurred_at", "payload"
FROM "directory"."timeline_event"
WHERE "type" IN (
  'registration.LicenseIssued', 'registration.LicenseSuspended', 'registration.LicenseReinstated',
  'registration.LicenseRevoked', 'registration.LicenseExpired', 'registration.LicenseRenewed',
  'registration.InstitutionChanged', 'registration.InstitutionClosed'
)
ORDER BY "occurred_at", "id"
ON CONFLICT DO NOTHING;

-- 2. Near-a-point search without PostGIS: a GiST index over the built-in point type answers the
--    bounding box of a radius; the exact great-circle distance is computed on those candidates.
CREATE INDEX "institution_location_idx" ON "directory"."institution" USING GIST (point("lng", "lat"))
WHERE "lat" IS NOT NULL AND "lng" IS NOT NULL;

-- 3. The name-gram index serves every public search: no pending list (fastupdate), so a search
--    never scans unmerged entries after a burst of writes such as a rebuild.
ALTER INDEX "directory"."institution_name_grams_idx" SET (fastupdate = off);
