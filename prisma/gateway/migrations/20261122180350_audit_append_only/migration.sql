-- Hand-written: Prisma cannot model triggers. The audit log is append-only in the database
-- itself, so no code path through the application can rewrite history.
CREATE FUNCTION gateway.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gateway.audit_entry is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON gateway.audit_entry
  FOR EACH ROW EXECUTE FUNCTION gateway.audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON gateway.audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION gateway.audit_entry_append_only();
