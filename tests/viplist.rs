//! The yearly VIP list (#24): the criteria judged from the dossier on a hand-built fixture, and
//! the proposal through the command line.

use vipdesk::admin;
use vipdesk::clients::{self, Client, Dossier, VipYear};
use vipdesk::domain::Id;
use vipdesk::storage::Db;
use vipdesk::viplist::{Proposal, service};

use crate::common::{self, actor, d, stdout};

/// A client of `manager` in `district`, cooperating since `since`, consuming `per_month` kWh
/// every month of 2025–2026, with its VIP row of 2026 (`vip`: included or not) if any.
fn client(
    db: &mut Db,
    manager: Id,
    name: &str,
    district: Id,
    since: i32,
    per_month: f64,
    vip: Option<bool>,
) -> Id {
    let consumption = admin::service::catalogs(db)
        .expect("catalogs")
        .indicator_kinds[0]
        .id;
    let mut indicators = std::collections::BTreeMap::new();
    for year in [2025, 2026] {
        for month in 1..=12 {
            indicators.insert((consumption, (year, month)), per_month);
        }
    }
    let dossier = Dossier {
        client: Client {
            short_name: name.into(),
            manager_id: Some(manager),
            district_id: Some(district),
            since_year: Some(since),
            ..Default::default()
        },
        vip: vip
            .map(|included| VipYear {
                year: 2026,
                included,
                crit_brand: false,
                order_number: "12-од".into(),
                order_date: Some(d(2026, 1, 20)),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        indicators,
        ..Default::default()
    };
    clients::service::save(db, &actor(manager), &dossier).expect("client")
}

#[test]
fn the_criteria_are_judged_from_the_dossier_within_each_district_office() {
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let districts = admin::service::catalogs(&db).expect("catalogs").districts;
    let (a, b) = (districts[0].id, districts[1].id);
    let large = client(&mut db, me, "АО «Большой»", a, 2020, 2e6, None);
    let second = client(&mut db, me, "АО «Второй»", a, 2020, 1.5e6, None);
    let third = client(&mut db, me, "АО «Третий»", a, 2020, 0.9e6, None);
    let young_vip = client(&mut db, me, "ООО «Молодой»", a, 2021, 0.5e6, Some(true));
    let old_vip = client(&mut db, me, "ООО «Давний»", a, 2010, 0.4e6, Some(true));
    let small = client(&mut db, me, "ООО «Малый»", a, 2020, 0.3e6, None);
    let leader_b = client(&mut db, me, "МУП «Первый в районе»", b, 2024, 0.1e6, None);

    // Today is 25.11.2026: the twelve months judged are 11.2025–10.2026.
    let p = service::propose(&db, 2027, common::today()).expect("propose");
    assert_eq!((p.from, p.to), (d(2025, 11, 1), d(2026, 10, 1)));
    let of = |id: Id| {
        p.candidates
            .iter()
            .find(|c| c.facts.client_id == id)
            .cloned()
    };
    let large_c = of(large).expect("the largest is a candidate");
    assert_eq!(large_c.criteria.kwh, Some(24e6));
    assert_eq!(large_c.criteria.rank, Some(1));
    assert_eq!(large_c.criteria.district_size, 6);
    assert_eq!(large_c.proposal, Proposal::Include);
    assert_eq!(of(second).map(|c| c.criteria.rank), Some(Some(2)));
    // 10.8 million is below the 12 million threshold, but third in its office: in.
    let third_c = of(third).expect("third of its office");
    assert!(third_c.criteria.volume && third_c.criteria.kwh < Some(12e6));
    // Fourth of its office, five years with the company, VIP this year: excluded.
    let young = of(young_vip).expect("this year's VIP is always listed");
    assert_eq!(young.proposal, Proposal::Exclude);
    assert_eq!(young.criteria.years, Some(6));
    // Small, but seventeen years with the company: kept.
    let old = of(old_vip).expect("listed");
    assert_eq!(old.proposal, Proposal::Keep);
    assert!(old.criteria.stability && !old.criteria.volume);
    assert_eq!(old.criteria.years, Some(17));
    // Small, not VIP: not a candidate.
    assert!(of(small).is_none());
    // 1.2 million a year leads a rural office: in, judged against its own office.
    let rural = of(leader_b).expect("leads its office");
    assert_eq!(
        (rural.criteria.rank, rural.criteria.district_size),
        (Some(1), 1)
    );
    assert_eq!(rural.proposal, Proposal::Include);
}

#[test]
fn vip_list_propose_prints_the_proposal_of_the_demo() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.db");
    common::demo_db(&db, 48);
    let out = common::vipdesk(&db, &["vip-list", "propose", "--year", "2027", "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert!(!rows.is_empty());
    for r in &rows {
        let proposal = r["proposal"].as_str().expect("proposal");
        assert!(["include", "keep", "exclude"].contains(&proposal), "{r}");
        assert!(!r["reason"].as_str().unwrap_or_default().is_empty(), "{r}");
        // Those proposed to be excluded meet no criterion; the others meet one.
        let any = ["volume", "stability", "brand", "political"]
            .iter()
            .any(|k| r[k].as_bool() == Some(true));
        assert_eq!(proposal != "exclude", any, "{r}");
    }
    // Largest first.
    let kwh: Vec<f64> = rows
        .iter()
        .map(|r| r["kwh"].as_f64().unwrap_or(-1.0))
        .collect();
    assert!(kwh.windows(2).all(|w| w[0] >= w[1]), "{kwh:?}");

    let text = common::vipdesk(&db, &["vip-list", "propose", "--year", "2027"]);
    assert!(text.status.success());
    let text = stdout(&text);
    assert!(
        text.starts_with("Список клиентов категории VIP на 2027 год"),
        "{text}"
    );
    assert!(text.contains("Включить: "), "{text}");

    let bad = common::vipdesk(&db, &["vip-list", "propose", "--year", "27"]);
    assert!(!bad.status.success());
}
