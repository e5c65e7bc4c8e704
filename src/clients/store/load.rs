//! Loading a dossier as one unit.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;

use super::save::CLIENT_COLUMNS;
use crate::clients::model::*;
use crate::domain::Id;
use crate::domain::names::Gender;
use crate::domain::validate::Phone;
use crate::storage::{self, Result, date_from_sql, rows};

/// Loads the whole dossier of a client (not in the trash).
pub fn load_dossier(conn: &Connection, client_id: Id) -> Result<Dossier> {
    let client = load_client(conn, client_id)?;
    let vip = rows(
        conn,
        "SELECT id, uuid, year, crit_volume, volume_kwh, crit_brand, crit_stability, crit_political, \
         political_note, included, order_number, order_date FROM vip_years \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(VipYear {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                year: r.get(2)?,
                crit_volume: r.get(3)?,
                volume_kwh: r.get(4)?,
                crit_brand: r.get(5)?,
                crit_stability: r.get(6)?,
                crit_political: r.get(7)?,
                political_note: r.get(8)?,
                included: r.get(9)?,
                order_number: r.get(10)?,
                order_date: date_from_sql(r.get(11)?),
            })
        },
    )?;

    let people = load_people(conn, Some(client_id))?
        .into_iter()
        .map(|(_, p)| p)
        .collect();

    let owners = rows(
        conn,
        "SELECT id, uuid, name, kind, share, note FROM owners \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(Owner {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                share: r.get(4)?,
                note: r.get(5)?,
            })
        },
    )?;

    let services = rows(
        conn,
        "SELECT id, uuid, service_id, start_date, end_date, note FROM client_services \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(ClientService {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                service_id: r.get(2)?,
                start: date_from_sql(r.get(3)?),
                end: date_from_sql(r.get(4)?),
                note: r.get(5)?,
            })
        },
    )?;

    let mut stages: HashMap<Id, Vec<Stage>> = HashMap::new();
    let mut st = conn.prepare_cached(
        "SELECT s.project_id, s.id, s.uuid, s.title, s.planned_date, s.actual_date, s.result \
         FROM project_stages s JOIN projects p ON p.id = s.project_id \
         WHERE p.client_id = ?1 AND s.deleted_at IS NULL ORDER BY s.project_id, s.sort, s.id",
    )?;
    let mut cursor = st.query([client_id])?;
    while let Some(r) = cursor.next()? {
        stages.entry(r.get(0)?).or_default().push(Stage {
            id: Some(r.get(1)?),
            uuid: r.get(2)?,
            title: r.get(3)?,
            planned: date_from_sql(r.get(4)?),
            actual: date_from_sql(r.get(5)?),
            result: r.get(6)?,
        });
    }
    let projects = rows(
        conn,
        "SELECT id, uuid, title, goal, status, start_date, end_date FROM projects \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            let id: Id = r.get(0)?;
            Ok(Project {
                id: Some(id),
                uuid: r.get(1)?,
                title: r.get(2)?,
                goal: r.get(3)?,
                status: storage::code(r, 4)?,
                start: date_from_sql(r.get(5)?),
                end: date_from_sql(r.get(6)?),
                stages: stages.remove(&id).unwrap_or_default(),
            })
        },
    )?;

    let mut indicators = BTreeMap::new();
    let mut st = conn.prepare_cached(
        "SELECT kind_id, month, value FROM indicator_values WHERE client_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut cursor = st.query([client_id])?;
    while let Some(r) = cursor.next()? {
        let month: String = r.get(1)?;
        if let Some(ym) = crate::domain::fmt::parse_month(&month) {
            indicators.insert((r.get::<_, Id>(0)?, ym), r.get::<_, f64>(2)?);
        }
    }

    let records = rows(
        conn,
        "SELECT id, uuid, date, direction, number, subject, text, file_name, file_size FROM records \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(Record {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                date: date_from_sql(r.get(2)?),
                direction: storage::code(r, 3)?,
                number: r.get(4)?,
                subject: r.get(5)?,
                text: r.get(6)?,
                file_name: r.get(7)?,
                file_size: r.get(8)?,
                new_file: None,
            })
        },
    )?;

    Ok(Dossier {
        client,
        vip,
        people,
        owners,
        services,
        projects,
        indicators,
        records,
    })
}

/// The live people of a client, or (`None`) of every live client: (client id, person), by
/// client, then in the dossier's order. An export reads them all at once.
pub fn load_people(conn: &Connection, client: Option<Id>) -> Result<Vec<(Id, Person)>> {
    // One client's people are read whatever the client's state (a dossier in the trash
    // opens too); all of them, of the clients in the list only.
    const LIVE: &str = "(?1 IS NOT NULL OR c.deleted_at IS NULL)";
    let mut phones: HashMap<Id, Vec<Phone>> = HashMap::new();
    let mut st = conn.prepare_cached(&format!(
        "SELECT ph.person_id, ph.number, ph.ext FROM person_phones ph \
         JOIN people p ON p.id = ph.person_id JOIN clients c ON c.id = p.client_id \
         WHERE (?1 IS NULL OR p.client_id = ?1) AND p.deleted_at IS NULL AND {LIVE} \
         ORDER BY ph.person_id, ph.sort"
    ))?;
    let mut cursor = st.query([client])?;
    while let Some(r) = cursor.next()? {
        phones.entry(r.get(0)?).or_default().push(Phone {
            number: r.get(1)?,
            ext: r.get(2)?,
        });
    }
    let mut st = conn.prepare_cached(&format!(
        "SELECT p.id, p.uuid, p.surname, p.name, p.patronymic, p.gender, p.position, p.category, \
         p.birthday, p.email, p.address_as, p.name_dative, p.position_dative, p.notes, p.client_id \
         FROM people p JOIN clients c ON c.id = p.client_id \
         WHERE (?1 IS NULL OR p.client_id = ?1) AND p.deleted_at IS NULL AND {LIVE} \
         ORDER BY p.client_id, p.sort, p.id"
    ))?;
    let people = st
        .query_map([client], |r| {
            let id: Id = r.get(0)?;
            Ok((
                r.get::<_, Id>(14)?,
                Person {
                    id: Some(id),
                    uuid: r.get(1)?,
                    surname: r.get(2)?,
                    name: r.get(3)?,
                    patronymic: r.get(4)?,
                    gender: storage::opt_code::<Gender>(r, 5)?,
                    position: r.get(6)?,
                    category: r.get(7)?,
                    birthday: date_from_sql(r.get(8)?),
                    phones: phones.get(&id).cloned().unwrap_or_default(),
                    email: r.get(9)?,
                    address_as: r.get(10)?,
                    name_dative: r.get(11)?,
                    position_dative: r.get(12)?,
                    notes: r.get(13)?,
                },
            ))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(people)
}

/// The client's own row (not in the trash), without its people and lists: what an export
/// salvaging a damaged database can still read.
pub fn load_client(conn: &Connection, client_id: Id) -> Result<Client> {
    let client = storage::found(
        conn.query_row(
            &format!(
                "SELECT id, {} FROM clients WHERE id = ?1 AND deleted_at IS NULL",
                CLIENT_COLUMNS.join(", ")
            ),
            [client_id],
            |r| {
                Ok(Client {
                    id: Some(r.get(0)?),
                    short_name: r.get(1)?,
                    full_name: r.get(2)?,
                    kind: storage::code(r, 3)?,
                    inn: r.get(4)?,
                    kpp: r.get(5)?,
                    ogrn: r.get(6)?,
                    legal_address: r.get(7)?,
                    postal_address: r.get(8)?,
                    district_id: r.get(9)?,
                    industry_id: r.get(10)?,
                    contract_number: r.get(11)?,
                    contract_date: date_from_sql(r.get(12)?),
                    since_year: r.get(13)?,
                    manager_id: r.get(14)?,
                    strategic: r.get(15)?,
                    uuid: r.get(16)?,
                    ..Default::default()
                })
            },
        ),
        client_id,
    )?;

    let (call_every_days, meeting_every_months) = conn.query_row(
        "SELECT call_every_days, meeting_every_months FROM clients WHERE id = ?1",
        [client_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let client = Client {
        call_every_days,
        meeting_every_months,
        ..client
    };
    Ok(client)
}
