//! Server migration 8: whose client a record is, the server's word.
//!
//! A manager's workstation names the client of each record it sends, and until now the server
//! took a new record's client as named: a record sent with no client (or another's) by a
//! workstation that lies reached every replica. Now, for a manager (the head sees everything),
//! the server finds the client from the record itself: its `client_uuid` field, or the client
//! of the record it belongs to (a phone of a person, a step of a meeting, a file of an appeal)
//! as the server has it — or, in a snapshot, as the same chunk brings it. A record that
//! belongs to a record the server does not have is refused; so is one that names its client
//! with something that is not a uuid.
//!
//! The rules of every change stay where they were: `vipdesk_push` and `vipdesk_push_snapshot`
//! are renamed and called by the new functions of the same names, which find the client
//! first. The renamed ones are no user's to call.

/// Migration 8 (see the module's doc).
pub(super) const CLIENT_BY_SERVER: &str = "
-- The record a row of a table belongs to a client through (its table, the field naming it),
-- as the workstation's journal has it (journal::client_parent); NULL: the row names its client.
CREATE FUNCTION vipdesk_parent(p_tbl TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_tbl IN ('person_phones', 'gifts', 'gift_ideas') THEN ARRAY['people', 'person_uuid']
        WHEN p_tbl = 'project_stages' THEN ARRAY['projects', 'project_uuid']
        WHEN p_tbl IN ('next_steps', 'meeting_files', 'meeting_people')
            THEN ARRAY['meetings', 'meeting_uuid']
        WHEN p_tbl IN ('appeal_links', 'appeal_letters', 'appeal_files', 'appeal_calls')
            THEN ARRAY['appeals', 'appeal_uuid']
    END
$$;
-- A field read as a uuid: NULL when it is absent or null, and when it is not a uuid.
CREATE FUNCTION vipdesk_uuid(t TEXT) RETURNS UUID LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t ~* '^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$'
                THEN t::uuid END
$$;
-- Whose client the record p_record of p_tbl with the fields p_fields is: found in the fields,
-- or through the record it belongs to on the server (or in the snapshot's chunk p_batch).
-- known = false: the record it belongs to is nowhere, or the field is not a uuid.
CREATE FUNCTION vipdesk_client_of(p_tbl TEXT, p_record UUID, p_fields JSONB, p_batch UUID,
    OUT known BOOLEAN, OUT client UUID)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    parent TEXT[] := vipdesk_parent(p_tbl);
    named TEXT;
    ref UUID;
BEGIN
    known := true;
    IF p_tbl = 'clients' THEN
        client := p_record;
        RETURN;
    END IF;
    IF parent IS NULL THEN
        named := p_fields ->> 'client_uuid';
        client := vipdesk_uuid(named);
        known := named IS NULL OR client IS NOT NULL;
        RETURN;
    END IF;
    ref := vipdesk_uuid(p_fields ->> parent[2]);
    IF ref IS NULL THEN
        known := false;
        RETURN;
    END IF;
    SELECT r.client_uuid INTO client FROM records r
        WHERE r.tbl = parent[1] AND r.record_uuid = ref;
    IF FOUND THEN
        RETURN;
    END IF;
    SELECT i.client_uuid INTO client FROM incoming i
        WHERE i.batch = p_batch AND i.login = session_user
          AND i.tbl = parent[1] AND i.record_uuid = ref;
    known := FOUND;
END $$;
REVOKE ALL ON FUNCTION vipdesk_client_of(TEXT, UUID, JSONB, UUID) FROM PUBLIC;

ALTER FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID, UUID, UUID)
    RENAME TO vipdesk_push_weighed;
REVOKE ALL ON FUNCTION vipdesk_push_weighed(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT,
    UUID, UUID, UUID) FROM PUBLIC, vipdesk_users;
-- One change, its client found by the server for a manager, then weighed by the rules.
CREATE FUNCTION vipdesk_push(p_change UUID, p_record UUID, p_tbl TEXT, p_fields JSONB,
    p_bases JSONB, p_deleted BOOLEAN, p_stamp TEXT, p_workstation UUID, p_client UUID,
    p_author UUID) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    done BIGINT;
    cur records%ROWTYPE;
    found_client RECORD;
    new_seq BIGINT;
BEGIN
    SELECT seq INTO done FROM changes WHERE change_uuid = p_change;
    IF FOUND THEN
        RETURN done;
    END IF;
    IF NOT vipdesk_is_head() THEN
        SELECT * INTO cur FROM records WHERE tbl = p_tbl AND record_uuid = p_record;
        found_client := vipdesk_client_of(p_tbl, p_record,
                                          COALESCE(cur.fields, '{}'::jsonb) || p_fields, NULL);
        IF NOT found_client.known THEN
            RAISE EXCEPTION 'a record of a record the server does not have';
        END IF;
        p_client := found_client.client;
        IF p_tbl <> 'clients' AND p_client IS NOT NULL AND NOT vipdesk_sees(p_client) THEN
            RAISE EXCEPTION 'another manager''s client';
        END IF;
    END IF;
    new_seq := vipdesk_push_weighed(p_change, p_record, p_tbl, p_fields, p_bases, p_deleted,
                                    p_stamp, p_workstation, p_client, p_author);
    -- A record of one of the manager's clients put under another of them (or under none).
    IF cur.record_uuid IS NOT NULL AND p_client IS DISTINCT FROM cur.client_uuid THEN
        UPDATE records SET client_uuid = p_client WHERE tbl = p_tbl AND record_uuid = p_record;
    END IF;
    RETURN new_seq;
END $$;
REVOKE ALL ON FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID, UUID,
    UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID,
    UUID, UUID) TO vipdesk_users;

ALTER FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) RENAME TO vipdesk_take_snapshot;
REVOKE ALL ON FUNCTION vipdesk_take_snapshot(UUID, UUID, TEXT) FROM PUBLIC, vipdesk_users;
-- A chunk of a snapshot: a manager's records get their clients from the server first (the
-- records that name their client, then those that belong to one of them), then the chunk
-- is taken in by the rules.
CREATE FUNCTION vipdesk_push_snapshot(p_workstation UUID, p_batch UUID, p_stamp TEXT)
    RETURNS JSONB LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    refused JSONB := '[]'::jsonb;
    answer JSONB;
BEGIN
    IF NOT vipdesk_is_head() THEN
        WITH out AS (
            DELETE FROM incoming i
            WHERE i.batch = p_batch AND i.login = session_user
              AND NOT (vipdesk_client_of(i.tbl, i.record_uuid, i.fields, p_batch)).known
            RETURNING i.tbl, i.record_uuid)
        SELECT COALESCE(jsonb_agg(jsonb_build_object(
                   'tbl', tbl, 'record', record_uuid,
                   'reason', 'a record of a record the server does not have')), '[]'::jsonb)
            INTO refused FROM out;
        UPDATE incoming i
            SET client_uuid = (vipdesk_client_of(i.tbl, i.record_uuid, i.fields, p_batch)).client
            WHERE i.batch = p_batch AND i.login = session_user AND vipdesk_parent(i.tbl) IS NULL;
        UPDATE incoming i
            SET client_uuid = (vipdesk_client_of(i.tbl, i.record_uuid, i.fields, p_batch)).client
            WHERE i.batch = p_batch AND i.login = session_user
              AND vipdesk_parent(i.tbl) IS NOT NULL;
    END IF;
    answer := vipdesk_take_snapshot(p_workstation, p_batch, p_stamp);
    RETURN jsonb_set(answer, '{refused}', refused || (answer -> 'refused'));
END $$;
REVOKE ALL ON FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) TO vipdesk_users;
";
