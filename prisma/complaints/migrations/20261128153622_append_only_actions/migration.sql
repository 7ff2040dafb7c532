-- Hand-written (Prisma cannot model triggers): the action log of a complaint is append-only.
-- The 12345 loop is audited from this log, so no code path, however buggy, may rewrite or erase
-- what was done: UPDATE, DELETE and TRUNCATE on complaint_action are refused by the database.
CREATE FUNCTION "complaints".refuse_action_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaints.complaint_action is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER complaint_action_append_only
  BEFORE UPDATE OR DELETE ON "complaints"."complaint_action"
  FOR EACH ROW EXECUTE FUNCTION "complaints".refuse_action_change();

CREATE TRIGGER complaint_action_no_truncate
  BEFORE TRUNCATE ON "complaints"."complaint_action"
  FOR EACH STATEMENT EXECUTE FUNCTION "complaints".refuse_action_change();

-- The identity-access audit is append-only for the same reason.
CREATE TRIGGER identity_access_append_only
  BEFORE UPDATE OR DELETE ON "complaints"."identity_access"
  FOR EACH ROW EXECUTE FUNCTION "complaints".refuse_action_change();
