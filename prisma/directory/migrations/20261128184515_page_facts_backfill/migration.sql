-- Hand-written (a backfill Prisma cannot describe): a directory built before this release gets the
-- new columns and tables filled from what it already holds, as its projections would have filled them.
--
-- 1. Search terms (domain/search-text.ts searchTerms): the name grams, the pinyin initials' letters
--    and adjacent pairs prefixed p:, and the filter values as d:, c:, s: and st: terms.
UPDATE "directory"."institution" SET "search_terms" =
  "name_grams"
  || ARRAY(SELECT DISTINCT 'p:' || substr("pinyin_initials", i, n)
           FROM generate_series(1, length("pinyin_initials")) AS i, (VALUES (1), (2)) AS v(n)
           WHERE i + n - 1 <= length("pinyin_initials"))
  || ARRAY['d:' || "district", 'c:' || "category"]
  || ARRAY(SELECT 's:' || s FROM unnest("scopes") AS s)
  || ARRAY['st:' || "license_status"];

-- 2. The page's other facts, from the officials' timeline, which holds every event received:
--    staff names, ratings, the supervision mode, annual grades and complaint counts.
UPDATE "directory"."staff" AS s SET "name" = f.name
FROM (SELECT DISTINCT ON (payload->>'staffId') payload->>'staffId' AS id, payload->>'name' AS name
      FROM "directory"."timeline_event" WHERE type = 'registration.StaffFiled'
      ORDER BY payload->>'staffId', occurred_at DESC) AS f
WHERE s.id = f.id;

INSERT INTO "directory"."rating" ("order_id", "institution_id", "stars", "rated_at")
SELECT DISTINCT ON (payload->>'orderId') payload->>'orderId', institution_id, (payload->>'stars')::int,
       (payload->>'ratedAt')::timestamptz
FROM "directory"."timeline_event" WHERE type = 'fees.OrderRated'
ORDER BY payload->>'orderId', (payload->>'ratedAt')::timestamptz DESC;

INSERT INTO "directory"."fee_supervision" ("institution_id", "mode", "opened_at")
SELECT DISTINCT ON (institution_id) institution_id, payload->>'mode', occurred_at
FROM "directory"."timeline_event" WHERE type = 'fees.SupervisedAccountOpened'
ORDER BY institution_id, occurred_at DESC;

INSERT INTO "directory"."annual_grade" ("report_id", "institution_id", "year", "grade", "total", "graded_at")
SELECT DISTINCT ON (payload->>'reportId') payload->>'reportId', institution_id, (payload->>'year')::int,
       payload->>'grade', (payload->>'total')::float8, occurred_at
FROM "directory"."timeline_event" WHERE type = 'inspection.AnnualReportGraded'
ORDER BY payload->>'reportId', occurred_at DESC;

INSERT INTO "directory"."complaint"
  ("id", "institution_id", "kind", "filed_at", "closed_round", "reopened", "unsatisfied_round", "merged")
SELECT payload->>'complaintId', min(institution_id),
       max(payload->>'kind') FILTER (WHERE type = 'complaints.ComplaintFiled'),
       min(occurred_at) FILTER (WHERE type = 'complaints.ComplaintFiled'),
       coalesce(max((payload->>'round')::int) FILTER (WHERE type = 'complaints.ComplaintClosed'), 0),
       bool_or(type = 'complaints.ComplaintReopened'),
       coalesce(max((payload->>'round')::int)
                  FILTER (WHERE type = 'complaints.ComplaintRated' AND NOT (payload->>'satisfied')::boolean), 0),
       bool_or(type = 'complaints.ComplaintMerged')
FROM "directory"."timeline_event"
WHERE type IN ('complaints.ComplaintFiled', 'complaints.ComplaintClosed', 'complaints.ComplaintReopened',
               'complaints.ComplaintRated', 'complaints.ComplaintMerged')
GROUP BY payload->>'complaintId';
