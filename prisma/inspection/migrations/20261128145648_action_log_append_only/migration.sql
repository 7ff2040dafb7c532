-- Hand-written: Prisma cannot model triggers. The enforcement action log is append-only in the
-- database itself: what inspectors and approvers did is evidence, and no code path may rewrite it.
CREATE FUNCTION inspection.action_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inspection.action_log is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER action_log_append_only
  BEFORE UPDATE OR DELETE ON inspection.action_log
  FOR EACH ROW EXECUTE FUNCTION inspection.action_log_append_only();

CREATE TRIGGER action_log_no_truncate
  BEFORE TRUNCATE ON inspection.action_log
  FOR EACH STATEMENT EXECUTE FUNCTION inspection.action_log_append_only();
