//! Server migration 6: the snapshot of a joining workstation's database.
//!
//! 6: a workstation's database goes up as a snapshot (the first sync of 5,000 clients in
//! seconds): its records staged with COPY and taken in at once, one change of the log for
//! each batch, one stamp per record ('*': the stamp of each field without its own) until a
//! field changes. The head's reads decide once, not per record, that the head sees all.

/// Migration 6 (see the module's doc).
pub(super) const SNAPSHOT: &str = "
CREATE FUNCTION vipdesk_stamp(stamps JSONB, f TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(stamps ->> f, CASE WHEN left(f, 1) = '$' THEN NULL ELSE stamps ->> '*' END)
$$;
CREATE OR REPLACE FUNCTION vipdesk_push(p_change UUID, p_record UUID, p_tbl TEXT, p_fields JSONB,
    p_bases JSONB, p_deleted BOOLEAN, p_stamp TEXT, p_workstation UUID, p_client UUID,
    p_author UUID) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    done BIGINT;
    me users%ROWTYPE;
    cur records%ROWTYPE;
    new_seq BIGINT;
    f TEXT;
    v JSONB;
    stored TEXT;
    base TEXT;
    old_fields JSONB;
    version UUID;
BEGIN
    SELECT seq INTO done FROM changes WHERE change_uuid = p_change;
    IF FOUND THEN
        RETURN done;
    END IF;
    SELECT * INTO me FROM users WHERE login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'not a vipdesk user: %', session_user;
    END IF;
    SELECT * INTO cur FROM records WHERE tbl = p_tbl AND record_uuid = p_record FOR UPDATE;
    -- A record that came in a workstation's snapshot and is changed for the first time: the
    -- values it came with go into the log first, so the log holds every value the server had.
    IF cur.record_uuid IS NOT NULL THEN
        INSERT INTO changes (change_uuid, record_uuid, tbl, fields, deleted, author_uuid,
                             workstation, hlc, client_uuid)
            SELECT gen_random_uuid(), cur.record_uuid, cur.tbl, cur.fields, cur.deleted,
                   s.author_uuid, s.workstation, s.hlc, cur.client_uuid
            FROM changes s WHERE s.seq = cur.last_seq AND s.tbl = '$snapshot';
    END IF;
    -- Who wrote it is who is logged in; whose client a record is, the server's word for a
    -- record it has, never the sender's.
    p_author := me.manager_uuid;
    IF p_tbl = 'clients' THEN
        p_client := p_record;
    ELSIF cur.record_uuid IS NOT NULL AND NOT me.head THEN
        p_client := cur.client_uuid;
    END IF;
    IF NOT me.head THEN
        IF p_tbl = 'clients' THEN
            IF cur.record_uuid IS NULL THEN
                IF p_fields ->> 'manager_uuid' IS DISTINCT FROM me.manager_uuid::text THEN
                    RAISE EXCEPTION 'a new client of another manager';
                END IF;
            ELSIF NOT vipdesk_sees(p_record) THEN
                RAISE EXCEPTION 'another manager''s client';
            ELSIF p_fields ? 'manager_uuid'
                  AND (p_fields ->> 'manager_uuid') IS DISTINCT FROM (cur.fields ->> 'manager_uuid') THEN
                RAISE EXCEPTION 'a client is given to another manager by the head';
            END IF;
        ELSIF p_client IS NOT NULL THEN
            IF NOT vipdesk_sees(p_client) THEN
                RAISE EXCEPTION 'another manager''s client';
            END IF;
        -- A record of no client is the department's: a manager writes their own card (not
        -- their role), the templates, the catalogues and the letterhead; the calendar, the
        -- managers and the regulations are the head's.
        ELSIF p_tbl IN ('calendar_days', 'calendar_years') THEN
            RAISE EXCEPTION 'the calendar is the head''s';
        ELSIF p_tbl = 'managers' AND (p_record IS DISTINCT FROM me.manager_uuid
              OR p_fields ?| ARRAY['role', 'active', 'supervisor_uuid', 'surname', 'name',
                                   'patronymic', 'order_number', 'order_date']) THEN
            RAISE EXCEPTION 'the managers are the head''s';
        ELSIF p_tbl = 'settings' AND COALESCE(p_fields ->> 'key', cur.fields ->> 'key')
              IN ('appeals', 'greetings', 'gift_limits') THEN
            RAISE EXCEPTION 'the regulations are the head''s';
        END IF;
    END IF;
    INSERT INTO changes (change_uuid, record_uuid, tbl, fields, deleted, author_uuid,
                         workstation, hlc, client_uuid)
        VALUES (p_change, p_record, p_tbl, p_fields, p_deleted, p_author, p_workstation,
                p_stamp, p_client)
        RETURNING seq INTO new_seq;
    IF cur.record_uuid IS NULL THEN
        INSERT INTO records (tbl, record_uuid, fields, stamps, deleted, client_uuid, last_seq)
            SELECT p_tbl, p_record, p_fields,
                   COALESCE(jsonb_object_agg(k, p_stamp), '{}'::jsonb)
                       || CASE WHEN p_deleted THEN jsonb_build_object('$deleted', p_stamp)
                               ELSE '{}'::jsonb END,
                   p_deleted, p_client, new_seq
            FROM jsonb_object_keys(p_fields) AS k;
        RETURN new_seq;
    END IF;
    -- Erased: the record stays erased, whatever else it held.
    IF p_deleted THEN
        UPDATE records SET deleted = true,
                           stamps = stamps || jsonb_build_object('$deleted', p_stamp),
                           last_seq = new_seq
            WHERE tbl = p_tbl AND record_uuid = p_record;
        RETURN new_seq;
    END IF;
    -- Written again after it was erased: back, with the erasure kept as a conflict unless the
    -- writer had seen it.
    IF cur.deleted AND (cur.stamps ->> '$deleted') IS DISTINCT FROM (p_bases ->> '$deleted') THEN
        INSERT INTO conflicts (tbl, record_uuid, field, kept, kept_stamp, lost, lost_stamp,
                               client_uuid, seq)
            VALUES (p_tbl, p_record, '$deleted', 'false'::jsonb, p_stamp, 'true'::jsonb,
                    COALESCE(cur.stamps ->> '$deleted', ''), COALESCE(p_client, cur.client_uuid),
                    new_seq);
    END IF;
    -- A registered letter or a submitted report stays as it is: an edit made without knowing
    -- it was frozen becomes a new version (a draft pointing at it), kept as a conflict to be
    -- seen; the frozen record's values are asserted again just after the edit's stamp, so
    -- that every workstation holds them.
    IF ((p_tbl = 'letters' AND COALESCE(cur.fields ->> 'status', 'draft') <> 'draft')
        OR (p_tbl = 'meetings' AND cur.fields ->> 'status' IN ('submitted', 'accepted')))
       AND NOT cur.deleted AND NOT (p_fields ? 'status')
       AND vipdesk_stamp(cur.stamps, 'status') IS DISTINCT FROM vipdesk_stamp(p_bases, 'status') THEN
        version := gen_random_uuid();
        INSERT INTO records (tbl, record_uuid, fields, stamps, deleted, client_uuid, last_seq)
            SELECT p_tbl, version, v.vf,
                   (SELECT jsonb_object_agg(k, p_stamp) FROM jsonb_object_keys(v.vf) AS k),
                   false, COALESCE(p_client, cur.client_uuid), new_seq
            FROM (SELECT (cur.fields || p_fields)
                    - ARRAY['number', 'seq', 'year', 'reg_date', 'printed_at', 'courier_at',
                            'delivered_at', 'received_by', 'record_uuid', 'submitted_at',
                            'accepted_at', 'supervisor_comment']
                    || jsonb_build_object('status', 'draft', 'version_of_uuid', p_record::text)
                  AS vf) AS v;
        FOR f IN SELECT * FROM jsonb_object_keys(p_fields) LOOP
            cur.stamps := jsonb_set(cur.stamps, ARRAY[f], to_jsonb(p_stamp || '~'));
        END LOOP;
        INSERT INTO conflicts (tbl, record_uuid, field, kept, kept_stamp, lost, lost_stamp,
                               client_uuid, seq)
            VALUES (p_tbl, p_record, '$version', to_jsonb(p_record::text),
                    COALESCE(vipdesk_stamp(cur.stamps, 'status'), ''), to_jsonb(version::text), p_stamp,
                    COALESCE(p_client, cur.client_uuid), new_seq);
        UPDATE records SET stamps = cur.stamps, last_seq = new_seq
            WHERE tbl = p_tbl AND record_uuid = p_record;
        RETURN new_seq;
    END IF;
    old_fields := cur.fields;
    cur.deleted := false;
    -- Edited after it went to the trash elsewhere: the edit is kept, and so is the deletion,
    -- as a conflict the user decides.
    IF (cur.fields ->> 'deleted_at') IS NOT NULL AND NOT (p_fields ? 'deleted_at')
       AND vipdesk_stamp(cur.stamps, 'deleted_at') IS DISTINCT FROM vipdesk_stamp(p_bases, 'deleted_at') THEN
        INSERT INTO conflicts (tbl, record_uuid, field, kept, kept_stamp, lost, lost_stamp,
                               client_uuid, seq)
            VALUES (p_tbl, p_record, 'deleted_at', cur.fields -> 'deleted_at',
                    vipdesk_stamp(cur.stamps, 'deleted_at'), 'null'::jsonb, p_stamp,
                    COALESCE(p_client, cur.client_uuid), new_seq);
    END IF;
    FOR f, v IN SELECT * FROM jsonb_each(p_fields) LOOP
        stored := vipdesk_stamp(cur.stamps, f);
        base := vipdesk_stamp(p_bases, f);
        IF stored IS NULL OR stored IS NOT DISTINCT FROM base THEN
            cur.fields := jsonb_set(cur.fields, ARRAY[f], v);
            cur.stamps := jsonb_set(cur.stamps, ARRAY[f], to_jsonb(p_stamp));
        ELSIF (cur.fields -> f) IS DISTINCT FROM v THEN
            IF p_stamp > stored THEN
                INSERT INTO conflicts (tbl, record_uuid, field, kept, kept_stamp, lost,
                                       lost_stamp, client_uuid, seq)
                    VALUES (p_tbl, p_record, f, v, p_stamp, cur.fields -> f, stored,
                            COALESCE(p_client, cur.client_uuid), new_seq);
                cur.fields := jsonb_set(cur.fields, ARRAY[f], v);
                cur.stamps := jsonb_set(cur.stamps, ARRAY[f], to_jsonb(p_stamp));
            ELSE
                INSERT INTO conflicts (tbl, record_uuid, field, kept, kept_stamp, lost,
                                       lost_stamp, client_uuid, seq)
                    VALUES (p_tbl, p_record, f, cur.fields -> f, stored, v, p_stamp,
                            COALESCE(p_client, cur.client_uuid), new_seq);
            END IF;
        END IF;
    END LOOP;
    -- A client given to another manager: every record of it moves to the new manager's
    -- replica (its number moves past their cursor), and the move is recorded for the old one.
    IF p_tbl = 'clients'
       AND (cur.fields ->> 'manager_uuid') IS DISTINCT FROM (old_fields ->> 'manager_uuid') THEN
        INSERT INTO moves (seq, client_uuid, from_manager, to_manager)
            VALUES (new_seq, p_record, (old_fields ->> 'manager_uuid')::uuid,
                    (cur.fields ->> 'manager_uuid')::uuid);
        UPDATE records SET last_seq = new_seq WHERE client_uuid = p_record;
    END IF;
    UPDATE records SET fields = cur.fields, stamps = cur.stamps,
                       deleted = cur.deleted,
                       client_uuid = COALESCE(p_client, cur.client_uuid), last_seq = new_seq
        WHERE tbl = p_tbl AND record_uuid = p_record;
    RETURN new_seq;
END $$;
CREATE FUNCTION vipdesk_is_head() RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.login = session_user AND u.head)
$$;
-- (SELECT vipdesk_is_head()) is an init plan: evaluated once per query, not once per row.
DROP POLICY records_seen ON records;
CREATE POLICY records_seen ON records FOR SELECT TO vipdesk_users
    USING ((SELECT vipdesk_is_head()) OR vipdesk_sees(client_uuid));
DROP POLICY changes_seen ON changes;
CREATE POLICY changes_seen ON changes FOR SELECT TO vipdesk_users
    USING ((SELECT vipdesk_is_head()) OR vipdesk_sees(client_uuid));
DROP POLICY conflicts_seen ON conflicts;
CREATE POLICY conflicts_seen ON conflicts FOR SELECT TO vipdesk_users
    USING ((SELECT vipdesk_is_head()) OR vipdesk_sees(client_uuid));
-- Where a snapshot's records wait, inside the sender's transaction, to be taken in. A user
-- may only add rows, and only under their own login.
CREATE UNLOGGED TABLE incoming (
    batch UUID NOT NULL,
    n INTEGER NOT NULL,
    login TEXT NOT NULL DEFAULT session_user,
    tbl TEXT NOT NULL,
    record_uuid UUID NOT NULL,
    fields JSONB NOT NULL,
    client_uuid UUID
);
-- A stored copy of a letter is staged as it came: not compressed on its way through.
ALTER TABLE incoming ALTER COLUMN fields SET STORAGE EXTERNAL;
CREATE INDEX incoming_batch ON incoming (batch);
-- Large values (the stored copies of letters) compressed with LZ4 where the server has it: a
-- few times faster than the default, for about the same size.
DO $lz4$ BEGIN
    ALTER TABLE records ALTER COLUMN fields SET COMPRESSION lz4;
    ALTER TABLE changes ALTER COLUMN fields SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END $lz4$;
GRANT INSERT (batch, n, tbl, record_uuid, fields, client_uuid) ON incoming TO vipdesk_users;
-- One record of a snapshot by the rules of every change: '[]', or the reason it was refused.
CREATE FUNCTION vipdesk_push_own(c incoming, p_workstation UUID, p_stamp TEXT) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM vipdesk_push(gen_random_uuid(), c.record_uuid, c.tbl, c.fields, '{}'::jsonb, false,
                         p_stamp, p_workstation, c.client_uuid, NULL);
    RETURN '[]'::jsonb;
EXCEPTION WHEN raise_exception THEN
    RETURN jsonb_build_array(jsonb_build_object('tbl', c.tbl, 'record', c.record_uuid,
                                                'reason', SQLERRM));
END $$;
REVOKE ALL ON FUNCTION vipdesk_push_own(incoming, UUID, TEXT) FROM PUBLIC;
CREATE FUNCTION vipdesk_push_snapshot(p_workstation UUID, p_batch UUID, p_stamp TEXT)
    RETURNS JSONB LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    me users%ROWTYPE;
    c incoming%ROWTYPE;
    snap BIGINT;
    before BIGINT;
    conflicts_before BIGINT;
    refused JSONB := '[]'::jsonb;
    taken BIGINT := 0;
    v_stamps JSONB := jsonb_build_object('*', p_stamp);
BEGIN
    PERFORM pg_advisory_xact_lock(730521);
    SELECT * INTO me FROM users WHERE login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'not a vipdesk user: %', session_user;
    END IF;
    SELECT COALESCE(max(seq), 0) INTO before FROM changes;
    SELECT COALESCE(max(id), 0) INTO conflicts_before FROM conflicts;
    -- The clients (their manager says who sees what) and the department's own tables go
    -- one by one, by the rules of every change, in the order they were sent.
    FOR c IN SELECT * FROM incoming i
             WHERE i.batch = p_batch AND i.login = session_user
               AND i.tbl IN ('clients', 'managers', 'settings', 'calendar_days', 'calendar_years')
             ORDER BY i.n
    LOOP
        refused := refused || vipdesk_push_own(c, p_workstation, p_stamp);
    END LOOP;
    DELETE FROM incoming
        WHERE batch = p_batch AND login = session_user
          AND tbl IN ('clients', 'managers', 'settings', 'calendar_days', 'calendar_years');
    -- A manager's records of another manager's client are refused.
    IF NOT me.head THEN
        WITH out AS (
            DELETE FROM incoming i
            WHERE i.batch = p_batch AND i.login = session_user
              AND i.client_uuid IS NOT NULL AND NOT vipdesk_sees(i.client_uuid)
            RETURNING i.tbl, i.record_uuid)
        SELECT refused || COALESCE(jsonb_agg(jsonb_build_object(
                   'tbl', tbl, 'record', record_uuid, 'reason', 'another manager''s client')),
                   '[]'::jsonb)
            INTO refused FROM out;
    END IF;
    -- The rest the server has never had are taken in at once, as one change of the log.
    IF EXISTS (SELECT 1 FROM incoming WHERE batch = p_batch AND login = session_user) THEN
        INSERT INTO changes (change_uuid, record_uuid, tbl, fields, deleted, author_uuid,
                             workstation, hlc, client_uuid)
            VALUES (gen_random_uuid(), p_workstation, '$snapshot', '{}'::jsonb, false,
                    me.manager_uuid, p_workstation, p_stamp, NULL)
            RETURNING seq INTO snap;
        INSERT INTO records (tbl, record_uuid, fields, stamps, deleted, client_uuid, last_seq)
            SELECT i.tbl, i.record_uuid, i.fields, v_stamps, false, i.client_uuid, snap
            FROM incoming i
            WHERE i.batch = p_batch AND i.login = session_user
            ON CONFLICT (tbl, record_uuid) DO NOTHING;
        GET DIAGNOSTICS taken = ROW_COUNT;
        -- Those the server had before (if any): passed by when sent before with this
        -- snapshot's stamp (the answer was lost), else weighed one by one.
        IF taken < (SELECT count(*) FROM incoming WHERE batch = p_batch AND login = session_user)
        THEN
        FOR c IN SELECT i.* FROM incoming i JOIN records r
                     ON r.tbl = i.tbl AND r.record_uuid = i.record_uuid
                 WHERE i.batch = p_batch AND i.login = session_user
                   AND r.last_seq <> snap AND r.stamps ->> '*' IS DISTINCT FROM p_stamp
                 ORDER BY i.n
        LOOP
            refused := refused || vipdesk_push_own(c, p_workstation, p_stamp);
        END LOOP;
        END IF;
        DELETE FROM incoming WHERE batch = p_batch AND login = session_user;
    END IF;
    RETURN jsonb_build_object(
        'refused', refused,
        'taken', taken,
        'before', before,
        'after', (SELECT COALESCE(max(seq), 0) FROM changes),
        'merged', EXISTS (SELECT 1 FROM conflicts WHERE id > conflicts_before));
END $$;
REVOKE ALL ON FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) TO vipdesk_users;
";

/// Migration 7: a snapshot taken in faster. A record's last change is not checked against the
/// log row by row: every function that writes a record writes its change first, in the same
/// transaction, and the check cost a third of the time the server took (a query per record).
/// A chunk's records go in with a plain insert, falling back to one that passes by those the
/// server has.
pub(super) const FASTER_SNAPSHOT: &str = "
ALTER TABLE records DROP CONSTRAINT IF EXISTS records_last_seq_fkey;
CREATE OR REPLACE FUNCTION vipdesk_push_snapshot(p_workstation UUID, p_batch UUID, p_stamp TEXT)
    RETURNS JSONB LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    me users%ROWTYPE;
    c incoming%ROWTYPE;
    snap BIGINT;
    before BIGINT;
    conflicts_before BIGINT;
    refused JSONB := '[]'::jsonb;
    taken BIGINT := 0;
    v_stamps JSONB := jsonb_build_object('*', p_stamp);
BEGIN
    PERFORM pg_advisory_xact_lock(730521);
    SELECT * INTO me FROM users WHERE login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'not a vipdesk user: %', session_user;
    END IF;
    SELECT COALESCE(max(seq), 0) INTO before FROM changes;
    SELECT COALESCE(max(id), 0) INTO conflicts_before FROM conflicts;
    -- The clients (their manager says who sees what) and the department's own tables go
    -- one by one, by the rules of every change, in the order they were sent.
    FOR c IN SELECT * FROM incoming i
             WHERE i.batch = p_batch AND i.login = session_user
               AND i.tbl IN ('clients', 'managers', 'settings', 'calendar_days', 'calendar_years')
             ORDER BY i.n
    LOOP
        refused := refused || vipdesk_push_own(c, p_workstation, p_stamp);
    END LOOP;
    DELETE FROM incoming
        WHERE batch = p_batch AND login = session_user
          AND tbl IN ('clients', 'managers', 'settings', 'calendar_days', 'calendar_years');
    -- A manager's records of another manager's client are refused.
    IF NOT me.head THEN
        WITH out AS (
            DELETE FROM incoming i
            WHERE i.batch = p_batch AND i.login = session_user
              AND i.client_uuid IS NOT NULL AND NOT vipdesk_sees(i.client_uuid)
            RETURNING i.tbl, i.record_uuid)
        SELECT refused || COALESCE(jsonb_agg(jsonb_build_object(
                   'tbl', tbl, 'record', record_uuid, 'reason', 'another manager''s client')),
                   '[]'::jsonb)
            INTO refused FROM out;
    END IF;
    -- The rest the server has never had are taken in at once, as one change of the log.
    IF EXISTS (SELECT 1 FROM incoming WHERE batch = p_batch AND login = session_user) THEN
        INSERT INTO changes (change_uuid, record_uuid, tbl, fields, deleted, author_uuid,
                             workstation, hlc, client_uuid)
            VALUES (gen_random_uuid(), p_workstation, '$snapshot', '{}'::jsonb, false,
                    me.manager_uuid, p_workstation, p_stamp, NULL)
            RETURNING seq INTO snap;
        -- Inserted plainly (an insert that may conflict costs a fifth more a row); a chunk
        -- with records the server has (sent again after a lost answer) goes in again without them.
        BEGIN
            INSERT INTO records (tbl, record_uuid, fields, stamps, deleted, client_uuid, last_seq)
                SELECT i.tbl, i.record_uuid, i.fields, v_stamps, false, i.client_uuid, snap
                FROM incoming i
                WHERE i.batch = p_batch AND i.login = session_user;
            GET DIAGNOSTICS taken = ROW_COUNT;
        EXCEPTION WHEN unique_violation THEN
            INSERT INTO records (tbl, record_uuid, fields, stamps, deleted, client_uuid, last_seq)
                SELECT i.tbl, i.record_uuid, i.fields, v_stamps, false, i.client_uuid, snap
                FROM incoming i
                WHERE i.batch = p_batch AND i.login = session_user
                ON CONFLICT (tbl, record_uuid) DO NOTHING;
            GET DIAGNOSTICS taken = ROW_COUNT;
        END;
        -- Those the server had before (if any): passed by when sent before with this
        -- snapshot's stamp (the answer was lost), else weighed one by one.
        IF taken < (SELECT count(*) FROM incoming WHERE batch = p_batch AND login = session_user)
        THEN
        FOR c IN SELECT i.* FROM incoming i JOIN records r
                     ON r.tbl = i.tbl AND r.record_uuid = i.record_uuid
                 WHERE i.batch = p_batch AND i.login = session_user
                   AND r.last_seq <> snap AND r.stamps ->> '*' IS DISTINCT FROM p_stamp
                 ORDER BY i.n
        LOOP
            refused := refused || vipdesk_push_own(c, p_workstation, p_stamp);
        END LOOP;
        END IF;
        DELETE FROM incoming WHERE batch = p_batch AND login = session_user;
    END IF;
    RETURN jsonb_build_object(
        'refused', refused,
        'taken', taken,
        'before', before,
        'after', (SELECT COALESCE(max(seq), 0) FROM changes),
        'merged', EXISTS (SELECT 1 FROM conflicts WHERE id > conflicts_before));
END $$;
";
