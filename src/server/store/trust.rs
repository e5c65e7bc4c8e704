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
-- The records a row of a table belongs to a client through (its table, the field naming it),
-- as the workstation's journal has them (journal::client_parent).
CREATE FUNCTION vipdesk_parents() RETURNS TABLE (child TEXT, parent TEXT, key TEXT)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES ('person_phones', 'people', 'person_uuid'), ('gifts', 'people', 'person_uuid'),
           ('gift_ideas', 'people', 'person_uuid'), ('project_stages', 'projects', 'project_uuid'),
           ('next_steps', 'meetings', 'meeting_uuid'), ('meeting_files', 'meetings', 'meeting_uuid'),
           ('meeting_people', 'meetings', 'meeting_uuid'),
           ('appeal_links', 'appeals', 'appeal_uuid'), ('appeal_letters', 'appeals', 'appeal_uuid'),
           ('appeal_files', 'appeals', 'appeal_uuid'), ('appeal_calls', 'appeals', 'appeal_uuid')
$$;
-- The parent of a row of p_tbl (its table, the field naming it); NULL: the row names its client.
CREATE FUNCTION vipdesk_parent(p_tbl TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY[parent, key] FROM vipdesk_parents() WHERE child = p_tbl
$$;
-- The tables whose rows name their client and cannot be without one (client_id NOT NULL on
-- the workstations: a row of no client would wait on every replica for ever).
CREATE FUNCTION vipdesk_needs_client(p_tbl TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT p_tbl IN ('vip_years', 'people', 'owners', 'client_services', 'projects',
                     'indicator_values', 'records', 'letters', 'meetings', 'appeals')
$$;
-- A clock stamp a workstation sends: its time no more than a day ahead of the server's, its
-- counter of a sane size (a stamp from the future would win every edit, and every
-- workstation's clock would follow it).
CREATE FUNCTION vipdesk_check_stamp(p_stamp TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ms TEXT := split_part(p_stamp, '-', 1);
    n TEXT := split_part(p_stamp, '-', 2);
BEGIN
    -- Stamps are compared as text: only the full width compares by time, and none is older
    -- than vipdesk (2020).
    IF ms !~ '^[0-9]{16}$' OR n !~ '^[0-9]{10}$' OR ms::bigint < 1577836800000 THEN
        RAISE EXCEPTION 'a clock stamp that is not one';
    END IF;
    IF ms::bigint > (extract(epoch FROM clock_timestamp()) * 1000)::bigint + 86400000
       OR n::bigint > 1000000 THEN
        RAISE EXCEPTION 'a clock stamp from the future';
    END IF;
END $$;
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
    -- A table of no client (the calendar, the managers, the settings): whatever its fields
    -- say, its records are the department's, under the department's rules.
    IF parent IS NULL AND NOT vipdesk_needs_client(p_tbl) THEN
        RETURN;
    END IF;
    IF parent IS NULL THEN
        named := p_fields ->> 'client_uuid';
        client := vipdesk_uuid(named);
        known := client IS NOT NULL;
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
-- One change, its client found by the server for a manager, then weighed by the rules; what
-- belongs to a record put under another client goes with it.
CREATE FUNCTION vipdesk_push(p_change UUID, p_record UUID, p_tbl TEXT, p_fields JSONB,
    p_bases JSONB, p_deleted BOOLEAN, p_stamp TEXT, p_workstation UUID, p_client UUID,
    p_author UUID) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    done BIGINT;
    head BOOLEAN := vipdesk_is_head();
    cur records%ROWTYPE;
    found_client RECORD;
    new_seq BIGINT;
    now_client UUID;
BEGIN
    SELECT seq INTO done FROM changes WHERE change_uuid = p_change;
    IF FOUND THEN
        RETURN done;
    END IF;
    PERFORM vipdesk_check_stamp(p_stamp);
    -- The record as the server has it (for the head, only where a rule below reads it).
    IF NOT head OR p_tbl IN ('settings', 'people', 'projects', 'meetings', 'appeals') THEN
        SELECT * INTO cur FROM records WHERE tbl = p_tbl AND record_uuid = p_record;
    END IF;
    -- A setting is known by its key (its uuid is the key's): the key never changes.
    IF p_tbl = 'settings' AND cur.record_uuid IS NOT NULL AND p_fields ? 'key'
       AND (p_fields ->> 'key') IS DISTINCT FROM (cur.fields ->> 'key') THEN
        RAISE EXCEPTION 'a setting keeps its key';
    END IF;
    IF NOT head THEN
        found_client := vipdesk_client_of(p_tbl, p_record,
                                          COALESCE(cur.fields, '{}'::jsonb) || p_fields, NULL);
        IF NOT found_client.known THEN
            RAISE EXCEPTION 'a record of a record the server does not have';
        END IF;
        p_client := found_client.client;
        IF p_tbl <> 'clients' AND p_client IS NOT NULL AND NOT vipdesk_sees(p_client) THEN
            RAISE EXCEPTION 'another manager''s client';
        END IF;
        -- A manager's card is ended (or erased) by the head only.
        IF p_tbl = 'managers' AND (p_deleted OR p_fields ? 'deleted_at') THEN
            RAISE EXCEPTION 'the managers are the head''s';
        END IF;
        -- A new setting under a key of the regulations, or a key dressed up as one.
        IF p_tbl = 'settings' AND cur.record_uuid IS NULL
           AND ((p_fields ->> 'key') IS NULL
                OR lower(btrim(p_fields ->> 'key')) IN ('appeals', 'greetings', 'gift_limits')
                OR (p_fields ->> 'key') !~ '^[a-z][a-z0-9_]*$') THEN
            RAISE EXCEPTION 'the regulations are the head''s';
        END IF;
    END IF;
    new_seq := vipdesk_push_weighed(p_change, p_record, p_tbl, p_fields, p_bases, p_deleted,
                                    p_stamp, p_workstation, p_client, p_author);
    -- Only an existing record can have been put under another client.
    IF cur.record_uuid IS NULL OR (head AND p_tbl NOT IN ('people', 'projects', 'meetings', 'appeals'))
    THEN
        RETURN new_seq;
    END IF;
    SELECT client_uuid INTO now_client FROM records WHERE tbl = p_tbl AND record_uuid = p_record;
    -- A record of one of the manager's clients put under another of them (or under none).
    IF NOT head AND p_client IS DISTINCT FROM now_client THEN
        UPDATE records SET client_uuid = p_client WHERE tbl = p_tbl AND record_uuid = p_record;
        now_client := p_client;
    END IF;
    -- A person (a project, a meeting, an appeal) under another client: their phones, gifts,
    -- steps and files go with them, to whoever sees that client.
    IF now_client IS DISTINCT FROM cur.client_uuid THEN
        UPDATE records r SET client_uuid = now_client, last_seq = new_seq
        FROM vipdesk_parents() p
        WHERE p.parent = p_tbl AND r.tbl = p.child AND r.fields ->> p.key = p_record::text
          AND r.client_uuid IS DISTINCT FROM now_client;
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
    PERFORM vipdesk_check_stamp(p_stamp);
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
-- A number or a block of them for a manager only below the cap a manager's counters have:
-- numbers cannot be burnt out of reach by asking again and again.
CREATE OR REPLACE FUNCTION vipdesk_next_number(k TEXT, y INTEGER) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public AS $$
DECLARE n BIGINT;
BEGIN
    PERFORM vipdesk_number_kind(k);
    INSERT INTO counters (kind, year, last) VALUES (k, y, 1)
        ON CONFLICT (kind, year) DO UPDATE SET last = counters.last + 1
        RETURNING counters.last INTO n;
    IF n > 100000 AND NOT vipdesk_is_head() THEN
        RAISE EXCEPTION 'a counter of % numbers', n;
    END IF;
    RETURN n;
END $$;
CREATE OR REPLACE FUNCTION vipdesk_lease_block(k TEXT, y INTEGER, size INTEGER, ws UUID)
    RETURNS TABLE (first_number BIGINT, last_number BIGINT) LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public AS $$
DECLARE top BIGINT;
BEGIN
    PERFORM vipdesk_number_kind(k);
    IF size < 1 OR size > 1000 THEN
        RAISE EXCEPTION 'a block of % numbers', size;
    END IF;
    INSERT INTO counters (kind, year, last) VALUES (k, y, size)
        ON CONFLICT (kind, year) DO UPDATE SET last = counters.last + size
        RETURNING counters.last INTO top;
    IF top > 100000 AND NOT vipdesk_is_head() THEN
        RAISE EXCEPTION 'a counter of % numbers', top;
    END IF;
    INSERT INTO number_blocks (kind, year, first, last, workstation)
        VALUES (k, y, top - size + 1, top, ws);
    RETURN QUERY SELECT top - size + 1, top;
END $$;
-- A manager raises the counters only as far as a database of their own can have gone (the
-- head, who sends the department's database up, as far as any).
CREATE OR REPLACE FUNCTION vipdesk_raise_counter(k TEXT, y INTEGER, at_least BIGINT) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM vipdesk_number_kind(k);
    IF NOT EXISTS (SELECT 1 FROM users WHERE login = session_user) THEN
        RAISE EXCEPTION 'not a vipdesk user: %', session_user;
    END IF;
    IF at_least < 0 OR at_least > (CASE WHEN vipdesk_is_head() THEN 100000000 ELSE 100000 END) THEN
        RAISE EXCEPTION 'a counter of % numbers', at_least;
    END IF;
    INSERT INTO counters (kind, year, last) VALUES (k, y, at_least)
        ON CONFLICT (kind, year) DO UPDATE SET last = greatest(counters.last, at_least);
END $$;
";
