//! The server's schema: its migrations, append-only, numbered from 1.

/// The server's migrations, in order. Append only.
use super::{snapshot, trust};

pub(super) const MIGRATIONS: &[&str] = &[
    // 1: the log of changes (append-only: no UPDATE or DELETE, whoever asks), the current state
    // of every record, the users, the number counters and the blocks leased to workstations.
    "
CREATE TABLE changes (
    seq BIGSERIAL PRIMARY KEY,
    change_uuid UUID NOT NULL UNIQUE,
    record_uuid UUID NOT NULL,
    tbl TEXT NOT NULL,
    fields JSONB NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT false,
    author_uuid UUID,
    workstation UUID NOT NULL,
    hlc TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX changes_record ON changes (tbl, record_uuid);
CREATE FUNCTION vipdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the log of changes is append-only';
END $$;
CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION vipdesk_append_only();
CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION vipdesk_append_only();
CREATE TABLE records (
    tbl TEXT NOT NULL,
    record_uuid UUID NOT NULL,
    fields JSONB NOT NULL,
    stamps JSONB NOT NULL DEFAULT '{}',
    deleted BOOLEAN NOT NULL DEFAULT false,
    client_uuid UUID,
    last_seq BIGINT NOT NULL REFERENCES changes (seq),
    PRIMARY KEY (tbl, record_uuid)
);
CREATE INDEX records_client ON records (client_uuid);
CREATE TABLE users (
    login TEXT PRIMARY KEY,
    manager_uuid UUID NOT NULL UNIQUE,
    head BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE counters (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    last BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, year)
);
CREATE TABLE number_blocks (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    first BIGINT NOT NULL,
    last BIGINT NOT NULL,
    workstation UUID NOT NULL,
    leased_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, year, first)
);
",
    // 2: who sees what. Every user's role is in `vipdesk_users`; row-level security gives a
    // manager the records of their own clients (and everything hanging off them) and every
    // record of no client (catalogues, settings, managers); the head of the group everything.
    // The administrator who owns the tables is not bound by it.
    "
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vipdesk_users') THEN
        CREATE ROLE vipdesk_users NOLOGIN;
    END IF;
END $$;
ALTER TABLE changes ADD COLUMN client_uuid UUID;
CREATE FUNCTION vipdesk_sees(client UUID) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public AS $$
    SELECT client IS NULL
        OR EXISTS (SELECT 1 FROM users u WHERE u.login = session_user AND u.head)
        OR EXISTS (
            SELECT 1 FROM records c JOIN users u ON u.login = session_user
            WHERE c.tbl = 'clients' AND c.record_uuid = client
              AND c.fields ->> 'manager_uuid' = u.manager_uuid::text)
$$;
ALTER TABLE records ENABLE ROW LEVEL SECURITY;
ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_seen ON records FOR SELECT TO vipdesk_users USING (vipdesk_sees(client_uuid));
CREATE POLICY changes_seen ON changes FOR SELECT TO vipdesk_users USING (vipdesk_sees(client_uuid));
GRANT SELECT ON records, changes TO vipdesk_users;
GRANT SELECT ON users TO vipdesk_users;
",
    // 3: numbers unique across the department. One counter per (kind, year), moved inside the
    // same statement that hands the number out (row lock: two workstations at once wait for
    // each other); a block leased to a workstation for offline work is recorded and never
    // handed out again.
    "
CREATE FUNCTION vipdesk_number_kind(k TEXT) RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF k NOT IN ('letter', 'appeal', 'gift_order') THEN
        RAISE EXCEPTION 'unknown kind of number: %', k;
    END IF;
END $$;
CREATE FUNCTION vipdesk_next_number(k TEXT, y INTEGER) RETURNS BIGINT LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public AS $$
DECLARE n BIGINT;
BEGIN
    PERFORM vipdesk_number_kind(k);
    INSERT INTO counters (kind, year, last) VALUES (k, y, 1)
        ON CONFLICT (kind, year) DO UPDATE SET last = counters.last + 1
        RETURNING counters.last INTO n;
    RETURN n;
END $$;
CREATE FUNCTION vipdesk_lease_block(k TEXT, y INTEGER, size INTEGER, ws UUID)
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
    INSERT INTO number_blocks (kind, year, first, last, workstation)
        VALUES (k, y, top - size + 1, top, ws);
    RETURN QUERY SELECT top - size + 1, top;
END $$;
REVOKE ALL ON FUNCTION vipdesk_next_number(TEXT, INTEGER) FROM PUBLIC;
REVOKE ALL ON FUNCTION vipdesk_lease_block(TEXT, INTEGER, INTEGER, UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_next_number(TEXT, INTEGER) TO vipdesk_users;
GRANT EXECUTE ON FUNCTION vipdesk_lease_block(TEXT, INTEGER, INTEGER, UUID) TO vipdesk_users;
",
    // 4: a change pushed through the server's own rules. Idempotent by the change's uuid; a
    // manager writes only to their own clients (a new client only as its manager); fields merge
    // one by one: a field nobody changed since the version the change was made from takes the
    // new value; one changed meanwhile on another workstation is a conflict — the later stamp
    // wins and both values are kept in `conflicts`, nothing dropped.
    "
CREATE TABLE conflicts (
    id BIGSERIAL PRIMARY KEY,
    tbl TEXT NOT NULL,
    record_uuid UUID NOT NULL,
    field TEXT NOT NULL,
    kept JSONB,
    kept_stamp TEXT NOT NULL,
    lost JSONB,
    lost_stamp TEXT NOT NULL,
    client_uuid UUID,
    seq BIGINT NOT NULL REFERENCES changes (seq),
    resolved_at TIMESTAMPTZ
);
ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY conflicts_seen ON conflicts FOR SELECT TO vipdesk_users USING (vipdesk_sees(client_uuid));
GRANT SELECT ON conflicts TO vipdesk_users;
CREATE FUNCTION vipdesk_push(p_change UUID, p_record UUID, p_tbl TEXT, p_fields JSONB,
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
    IF NOT me.head THEN
        IF p_tbl = 'clients' AND NOT FOUND THEN
            IF p_fields ->> 'manager_uuid' IS DISTINCT FROM me.manager_uuid::text THEN
                RAISE EXCEPTION 'a new client of another manager';
            END IF;
        ELSIF p_client IS NOT NULL AND NOT vipdesk_sees(p_client) THEN
            RAISE EXCEPTION 'another manager''s client';
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
                   COALESCE(jsonb_object_agg(k, p_stamp), '{}'::jsonb), p_deleted, p_client, new_seq
            FROM jsonb_object_keys(p_fields) AS k;
        RETURN new_seq;
    END IF;
    FOR f, v IN SELECT * FROM jsonb_each(p_fields) LOOP
        stored := cur.stamps ->> f;
        base := p_bases ->> f;
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
    UPDATE records SET fields = cur.fields, stamps = cur.stamps,
                       deleted = cur.deleted OR p_deleted,
                       client_uuid = COALESCE(p_client, cur.client_uuid), last_seq = new_seq
        WHERE tbl = p_tbl AND record_uuid = p_record;
    RETURN new_seq;
END $$;
REVOKE ALL ON FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID, UUID, UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID, UUID, UUID) TO vipdesk_users;
",
    // 5: the sync of workstations. Changes are written one transaction at a time (a lock taken
    // before a change gets its number), so the numbers are in the order the changes became
    // visible and a workstation that has read up to a number has missed none below it. A batch
    // of changes goes in one call; a workstation reads the records changed after its cursor.
    "
CREATE FUNCTION vipdesk_serial() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(730521);
    RETURN NULL;
END $$;
CREATE TRIGGER changes_serial BEFORE INSERT ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION vipdesk_serial();
CREATE INDEX records_seq ON records (last_seq, tbl, record_uuid);
CREATE TABLE moves (
    seq BIGINT PRIMARY KEY REFERENCES changes (seq),
    client_uuid UUID NOT NULL,
    from_manager UUID,
    to_manager UUID
);
ALTER TABLE moves ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION vipdesk_sees_move(f UUID, t UUID) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.login = session_user
                   AND (u.head OR u.manager_uuid IN (f, t)))
$$;
CREATE POLICY moves_seen ON moves FOR SELECT TO vipdesk_users
    USING (vipdesk_sees_move(from_manager, to_manager));
GRANT SELECT ON moves TO vipdesk_users;
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
       AND (cur.stamps ->> 'status') IS DISTINCT FROM (p_bases ->> 'status') THEN
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
                    COALESCE(cur.stamps ->> 'status', ''), to_jsonb(version::text), p_stamp,
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
       AND (cur.stamps ->> 'deleted_at') IS DISTINCT FROM (p_bases ->> 'deleted_at') THEN
        INSERT INTO conflicts (tbl, record_uuid, field, kept, kept_stamp, lost, lost_stamp,
                               client_uuid, seq)
            VALUES (p_tbl, p_record, 'deleted_at', cur.fields -> 'deleted_at',
                    cur.stamps ->> 'deleted_at', 'null'::jsonb, p_stamp,
                    COALESCE(p_client, cur.client_uuid), new_seq);
    END IF;
    FOR f, v IN SELECT * FROM jsonb_each(p_fields) LOOP
        stored := cur.stamps ->> f;
        base := p_bases ->> f;
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
CREATE FUNCTION vipdesk_push_batch(p_workstation UUID, p_changes JSONB) RETURNS JSONB
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    c JSONB;
    refused JSONB := '[]'::jsonb;
    before BIGINT;
    conflicts_before BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(730521);
    -- The last change before this batch (nothing else is written until it commits): a
    -- workstation that has taken in everything up to it need not read its own batch back.
    SELECT COALESCE(max(seq), 0) INTO before FROM changes;
    SELECT COALESCE(max(id), 0) INTO conflicts_before FROM conflicts;
    -- The head's records the server has never had (a workstation sending its database up) go
    -- in at once: each the first change of its record in the batch, nothing to merge.
    IF EXISTS (SELECT 1 FROM users WHERE login = session_user AND head) THEN
        WITH firsts AS (
            SELECT DISTINCT ON (e.ch ->> 'tbl', e.ch ->> 'record') e.ch
            FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS e (ch, n)
            ORDER BY e.ch ->> 'tbl', e.ch ->> 'record', e.n
        ), fresh AS (
            SELECT f.ch FROM firsts f
            WHERE NOT (f.ch ->> 'deleted')::boolean
              AND NOT EXISTS (SELECT 1 FROM records r
                              WHERE r.tbl = f.ch ->> 'tbl' AND r.record_uuid = (f.ch ->> 'record')::uuid)
              AND NOT EXISTS (SELECT 1 FROM changes x WHERE x.change_uuid = (f.ch ->> 'change')::uuid)
        ), logged AS (
            INSERT INTO changes (change_uuid, record_uuid, tbl, fields, deleted, author_uuid,
                                 workstation, hlc, client_uuid)
            SELECT (fr.ch ->> 'change')::uuid, (fr.ch ->> 'record')::uuid, fr.ch ->> 'tbl',
                   fr.ch -> 'fields', false,
                   (SELECT manager_uuid FROM users WHERE login = session_user), p_workstation,
                   fr.ch ->> 'stamp', (fr.ch ->> 'client')::uuid
            FROM fresh fr
            RETURNING seq, tbl, record_uuid, fields, hlc, client_uuid
        )
        INSERT INTO records (tbl, record_uuid, fields, stamps, deleted, client_uuid, last_seq)
        SELECT tbl, record_uuid, fields,
               COALESCE((SELECT jsonb_object_agg(k, hlc) FROM jsonb_object_keys(fields) AS k),
                        '{}'::jsonb),
               false, client_uuid, seq
        FROM logged;
    END IF;
    -- The rest one by one (a change the server has already, by its uuid, is passed by).
    FOR c IN SELECT e FROM jsonb_array_elements(p_changes) AS e
             WHERE NOT EXISTS (SELECT 1 FROM changes x WHERE x.change_uuid = (e ->> 'change')::uuid)
    LOOP
        -- A change the server's rules refuse (another manager's client now) does not hold
        -- the others back: it is named in the answer, and the workstation keeps it.
        BEGIN
            PERFORM vipdesk_push((c ->> 'change')::uuid, (c ->> 'record')::uuid, c ->> 'tbl',
                c -> 'fields', c -> 'bases', (c ->> 'deleted')::boolean, c ->> 'stamp',
                p_workstation, (c ->> 'client')::uuid, (c ->> 'author')::uuid);
        EXCEPTION WHEN raise_exception THEN
            refused := refused || jsonb_build_object('change', c ->> 'change', 'reason', SQLERRM);
        END;
    END LOOP;
    RETURN jsonb_build_object(
        'refused', refused,
        'before', before,
        'after', (SELECT COALESCE(max(seq), 0) FROM changes),
        -- A conflict or a new version made by the batch: the records are not as sent.
        'merged', EXISTS (SELECT 1 FROM conflicts WHERE id > conflicts_before));
END $$;
GRANT SELECT ON server_migrations TO vipdesk_users;
-- Only this server's users see anything of it (the group role is the whole cluster's): the
-- records of no client too; the list of users is nobody's to read, each reads who they are.
CREATE OR REPLACE FUNCTION vipdesk_sees(client UUID) RETURNS boolean LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (
        SELECT 1 FROM users u WHERE u.login = session_user
          AND (client IS NULL OR u.head OR EXISTS (
              SELECT 1 FROM records c
              WHERE c.tbl = 'clients' AND c.record_uuid = client
                AND c.fields ->> 'manager_uuid' = u.manager_uuid::text)))
$$;
REVOKE SELECT ON users FROM vipdesk_users;
CREATE TABLE server_identity (id UUID PRIMARY KEY DEFAULT gen_random_uuid());
INSERT INTO server_identity DEFAULT VALUES;
CREATE FUNCTION vipdesk_whoami() RETURNS TABLE (manager_uuid UUID, head BOOLEAN, server UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT u.manager_uuid, u.head, (SELECT id FROM server_identity)
    FROM users u WHERE u.login = session_user
$$;
GRANT EXECUTE ON FUNCTION vipdesk_whoami() TO PUBLIC;
-- A workstation that joins with numbers of its own: the counter goes past them.
CREATE FUNCTION vipdesk_raise_counter(k TEXT, y INTEGER, at_least BIGINT) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM vipdesk_number_kind(k);
    IF NOT EXISTS (SELECT 1 FROM users WHERE login = session_user) THEN
        RAISE EXCEPTION 'not a vipdesk user: %', session_user;
    END IF;
    IF at_least < 0 OR at_least > 100000000 THEN
        RAISE EXCEPTION 'a counter of % numbers', at_least;
    END IF;
    INSERT INTO counters (kind, year, last) VALUES (k, y, at_least)
        ON CONFLICT (kind, year) DO UPDATE SET last = greatest(counters.last, at_least);
END $$;
-- A conflict decided on a workstation: decided for everyone who sees it.
CREATE FUNCTION vipdesk_resolve_conflict(p_id BIGINT) RETURNS void LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE conflicts SET resolved_at = now()
        WHERE id = p_id AND resolved_at IS NULL AND vipdesk_sees(client_uuid);
END $$;
REVOKE ALL ON FUNCTION vipdesk_resolve_conflict(BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_resolve_conflict(BIGINT) TO vipdesk_users;
REVOKE ALL ON FUNCTION vipdesk_raise_counter(TEXT, INTEGER, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_raise_counter(TEXT, INTEGER, BIGINT) TO vipdesk_users;
REVOKE ALL ON FUNCTION vipdesk_push_batch(UUID, JSONB) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push_batch(UUID, JSONB) TO vipdesk_users;
",
    snapshot::SNAPSHOT,
    snapshot::FASTER_SNAPSHOT,
    trust::CLIENT_BY_SERVER,
    super::annual::ANNUAL_CYCLE,
];
