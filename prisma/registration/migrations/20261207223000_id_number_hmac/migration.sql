-- Identity numbers (身份证号) were matched by a peppered SHA-256, and that hash was shown in
-- answers and action logs beside the masked number: guessing the eight hidden birth-date digits
-- (~30,000 tries) reversed every one. Matching now uses HMAC-SHA-256 keyed with the server's
-- OTR_ID_PEPPER, and the value never leaves the service.
--
-- The old hashes cannot be turned into HMACs (the numbers were never kept), so they are retired:
-- nothing filed before this migration can be matched again, and nothing of the old hash remains.
-- New filings and the next roster import are matched as before. A staff member filed earlier is
-- matched again once the institution files them anew (with the number) or a roster import names
-- them after re-filing; docs/licensing.md says so.

-- 1. The in-service roster is replaced whole at each import: the next import keys it anew.
DELETE FROM "registration"."in_service_teacher";

-- 2. Filed staff keep their masked number; the old hash becomes a marker that matches nothing.
UPDATE "registration"."staff"
SET "id_number_hash" = 'legacy:' || "id"::text,
    "details" = "details" - 'idNumberHash';

-- 3. Applications' forms: each staff member's old hash becomes a marker (kept staff are found by
--    their masked number on resubmission).
UPDATE "registration"."application" a
SET "details" = jsonb_set(a."details", '{staff}', (
  SELECT coalesce(jsonb_agg(
           CASE WHEN s ? 'idNumberHash'
                THEN jsonb_set(s, '{idNumberHash}', to_jsonb('legacy:' || a."id"::text || ':' || i::text))
                ELSE s END ORDER BY i), '[]'::jsonb)
  FROM jsonb_array_elements(a."details"->'staff') WITH ORDINALITY AS t(s, i)))
WHERE jsonb_typeof(a."details"->'staff') = 'array';

-- 4. Action logs are shown with applications and licenses: the hash goes from each of them. The
--    logs are append-only; this one erasure of personal data (个人信息保护法 第47条) lifts the
--    guard for the length of this transaction only.
ALTER TABLE "registration"."application_action" DISABLE TRIGGER application_action_append_only;
ALTER TABLE "registration"."license_action" DISABLE TRIGGER license_action_append_only;

UPDATE "registration"."application_action"
SET "data" = jsonb_set("data", '{form,staff}', (
  SELECT coalesce(jsonb_agg(s - 'idNumberHash' ORDER BY i), '[]'::jsonb)
  FROM jsonb_array_elements("data"->'form'->'staff') WITH ORDINALITY AS t(s, i)))
WHERE jsonb_typeof("data"->'form'->'staff') = 'array';

UPDATE "registration"."application_action"
SET "data" = jsonb_set("data", '{staff}', ("data"->'staff') - 'idNumberHash')
WHERE jsonb_typeof("data"->'staff') = 'object';

UPDATE "registration"."license_action"
SET "data" = jsonb_set("data", '{staff}', ("data"->'staff') - 'idNumberHash')
WHERE jsonb_typeof("data"->'staff') = 'object';

ALTER TABLE "registration"."application_action" ENABLE TRIGGER application_action_append_only;
ALTER TABLE "registration"."license_action" ENABLE TRIGGER license_action_append_only;
