//! Server migration 9: the annual cycle (#24) on the server.
//!
//! The VIP list of a year, its rows and the questionnaire of the satisfaction study are the
//! head's: a manager's change to them is refused, and a manager's snapshot carrying them has
//! them refused (the approved list is one for the whole department). A row of the list and a
//! survey name their client (so a manager's replica receives those of their own clients only);
//! an answer belongs to its survey.

/// Migration 9 (see the module's doc).
pub(super) const ANNUAL_CYCLE: &str = "
CREATE OR REPLACE FUNCTION vipdesk_parents() RETURNS TABLE (child TEXT, parent TEXT, key TEXT)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES ('person_phones', 'people', 'person_uuid'), ('gifts', 'people', 'person_uuid'),
           ('gift_ideas', 'people', 'person_uuid'), ('project_stages', 'projects', 'project_uuid'),
           ('next_steps', 'meetings', 'meeting_uuid'), ('meeting_files', 'meetings', 'meeting_uuid'),
           ('meeting_people', 'meetings', 'meeting_uuid'),
           ('appeal_links', 'appeals', 'appeal_uuid'), ('appeal_letters', 'appeals', 'appeal_uuid'),
           ('appeal_files', 'appeals', 'appeal_uuid'), ('appeal_calls', 'appeals', 'appeal_uuid'),
           ('survey_answers', 'surveys', 'survey_uuid')
$$;
CREATE OR REPLACE FUNCTION vipdesk_needs_client(p_tbl TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT p_tbl IN ('vip_years', 'people', 'owners', 'client_services', 'projects',
                     'indicator_values', 'records', 'letters', 'meetings', 'appeals',
                     'vip_list_rows', 'surveys')
$$;
-- The tables only the head of the group writes.
CREATE FUNCTION vipdesk_heads_table(p_tbl TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT p_tbl IN ('vip_lists', 'vip_list_rows', 'survey_questions')
$$;

ALTER FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID, UUID, UUID)
    RENAME TO vipdesk_push_found;
REVOKE ALL ON FUNCTION vipdesk_push_found(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID,
    UUID, UUID) FROM PUBLIC, vipdesk_users;
CREATE FUNCTION vipdesk_push(p_change UUID, p_record UUID, p_tbl TEXT, p_fields JSONB,
    p_bases JSONB, p_deleted BOOLEAN, p_stamp TEXT, p_workstation UUID, p_client UUID,
    p_author UUID) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF vipdesk_heads_table(p_tbl) AND NOT vipdesk_is_head()
       AND NOT EXISTS (SELECT 1 FROM changes WHERE change_uuid = p_change) THEN
        RAISE EXCEPTION 'the VIP list and the questionnaire are the head''s';
    END IF;
    RETURN vipdesk_push_found(p_change, p_record, p_tbl, p_fields, p_bases, p_deleted, p_stamp,
                              p_workstation, p_client, p_author);
END $$;
REVOKE ALL ON FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID, UUID,
    UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push(UUID, UUID, TEXT, JSONB, JSONB, BOOLEAN, TEXT, UUID,
    UUID, UUID) TO vipdesk_users;

ALTER FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) RENAME TO vipdesk_push_snapshot_found;
REVOKE ALL ON FUNCTION vipdesk_push_snapshot_found(UUID, UUID, TEXT) FROM PUBLIC, vipdesk_users;
CREATE FUNCTION vipdesk_push_snapshot(p_workstation UUID, p_batch UUID, p_stamp TEXT)
    RETURNS JSONB LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    refused JSONB := '[]'::jsonb;
    answer JSONB;
BEGIN
    IF NOT vipdesk_is_head() THEN
        WITH out AS (
            DELETE FROM incoming i
            WHERE i.batch = p_batch AND i.login = session_user AND vipdesk_heads_table(i.tbl)
            RETURNING i.tbl, i.record_uuid)
        SELECT COALESCE(jsonb_agg(jsonb_build_object(
                   'tbl', tbl, 'record', record_uuid,
                   'reason', 'the VIP list and the questionnaire are the head''s')), '[]'::jsonb)
            INTO refused FROM out;
    END IF;
    answer := vipdesk_push_snapshot_found(p_workstation, p_batch, p_stamp);
    RETURN jsonb_set(answer, '{refused}', refused || COALESCE(answer -> 'refused', '[]'::jsonb));
END $$;
REVOKE ALL ON FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_push_snapshot(UUID, UUID, TEXT) TO vipdesk_users;
";
