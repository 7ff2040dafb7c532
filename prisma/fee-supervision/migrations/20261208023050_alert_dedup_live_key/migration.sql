-- One live alert per rule and fact (#23): an alert stays live while it is open or acknowledged, and
-- after closing until its condition has cleared; only then may the same condition raise a new one.
-- Prisma cannot express a partial unique index, hence this hand-written step.
CREATE UNIQUE INDEX "risk_alert_live_key" ON "fees"."risk_alert" ("dedupe_key")
  WHERE NOT ("state" = 'closed' AND "cleared_at" IS NOT NULL);
