//! Hostile input: property tests with a fixed seed and a bounded number of cases. Random
//! bytes and near-valid text go through every parser a user's file or typing reaches — CSV
//! and XLSX import, pasted indicator blocks, templates, phones, INN/OGRN/KPP, dates, numbers,
//! images — and each gives a value or a clear error: no panic, no hang, nothing half-saved.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use crate::common;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use vipdesk::admin::service::{self as admin, AdminError};
use vipdesk::clients::draft::paste_indicators;
use vipdesk::clients::exchange::{ImportMode, import_clients};
use vipdesk::clients::service as clients;
use vipdesk::clients::table_file::{decode_text, delimiter, read_csv};
use vipdesk::domain::fmt::{parse_date, parse_month, parse_number};
use vipdesk::domain::validate::{
    Phone, check_email, check_inn, check_kpp, check_ogrn, inn10_check_digit, parse_phone_list,
};
use vipdesk::domain::{Actor, FixedClock};
use vipdesk::letters::TemplateError;
use vipdesk::letters::template::{check_template, render_template};
use vipdesk::pixels::{PngError, decode_png};
use vipdesk::storage::Db;

/// The same cases on every run and machine; no files of failures left behind.
fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x5EED_0008),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text made of what breaks CSV readers: quotes, delimiters, every line ending, control
/// characters, Cyrillic, and the bytes of a UTF-8 BOM.
fn csv_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("Краткое наименование;ИНН;Менеджер\n".to_string()),
        Just("7707083893".to_string()),
        Just("АО «Ромашка»".to_string()),
        "[a-zA-Zа-яА-Я0-9 ]{0,12}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn lines_in(text: &str) -> usize {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .count()
        + 1
}

proptest! {
    #![proptest_config(config(400))]

    /// Any bytes decode or name the line of the bad byte; any text reads into rows whose
    /// lines exist in the file, in order.
    #[test]
    fn csv_reading_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match decode_text(&bytes) {
            Ok((text, _)) => {
                let rows = read_csv(&text, delimiter(&text));
                let max = lines_in(&text);
                let mut last = 0;
                for (line, _) in rows {
                    prop_assert!(line > last && line <= max, "line {line} of {max}");
                    last = line;
                }
            }
            Err(e) => prop_assert!(e.line >= 1),
        }
    }

    #[test]
    fn near_csv_text_reads_into_rows_of_its_own_lines(text in csv_like()) {
        let rows = read_csv(&text, delimiter(&text));
        let max = lines_in(&text);
        for (line, cells) in rows {
            prop_assert!(line <= max);
            if let Ok(cells) = cells {
                for c in cells {
                    prop_assert!(c.chars().count() <= text.chars().count());
                }
            }
        }
    }

    /// A field written with CSV quoting comes back as it was, whatever it holds (a line break
    /// in a cell, written CRLF, CR or LF, comes back as LF).
    #[test]
    fn quoted_fields_round_trip(fields in proptest::collection::vec("[^\u{0}-\u{8}\u{b}\u{c}\u{e}-\u{1f}\u{7f}]{0,40}", 1..6)) {
        let line: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect();
        let text = format!("{}\r\n", line.join(";"));
        let rows = read_csv(&text, ';');
        prop_assert_eq!(rows.len(), 1);
        let cells = rows[0].1.clone().expect("read");
        let expected: Vec<String> = fields
            .iter()
            .map(|f| f.replace("\r\n", "\n").replace('\r', "\n"))
            .collect();
        prop_assert_eq!(cells, expected);
    }

    #[test]
    fn pasted_blocks_fill_or_change_nothing(block in "[0-9.,;\t\n\r a-zа-я-]{0,200}") {
        let mut target = BTreeMap::new();
        target.insert((1, (2026, 1)), "5".to_string());
        let before = target.clone();
        match paste_indicators(&mut target, &[1, 2, 3], (2026, 1), &block) {
            Ok(n) => prop_assert!(target.len() <= before.len() + n),
            Err(_) => prop_assert_eq!(target, before),
        }
    }

    #[test]
    fn fields_parse_or_refuse(s in "\\PC{0,40}") {
        let _ = check_inn(&s);
        let _ = check_ogrn(&s);
        let _ = check_kpp(&s);
        let _ = check_email(&s);
        let _ = parse_date(&s);
        let _ = parse_month(&s);
        let _ = parse_number(&s);
        if let Ok(phones) = parse_phone_list(&s) {
            for p in phones {
                prop_assert!(p.number.starts_with('+'));
                let _ = p.display();
            }
        }
        let _ = Phone::from_storage(&s).display();
    }

    #[test]
    fn numbers_and_dates_of_any_size_are_refused_not_crashed(
        n in any::<i64>(),
        d in 0u32..100,
        m in 0u32..100,
        y in any::<i32>(),
    ) {
        let _ = parse_number(&n.to_string());
        let _ = parse_number(&format!("{n}{n}{n},{n}"));
        let _ = parse_date(&format!("{d}.{m}.{y}"));
        let _ = parse_month(&format!("{m}.{y}"));
        let _ = Phone::parse(&format!("+{n}{n}"));
    }

    /// A valid INN passes; changing any one digit of it is caught by the checksum, except where
    /// the algorithm itself cannot: a sum of 10 (mod 11) folds to the same check digit as 0.
    #[test]
    fn inn_checksum_catches_one_wrong_digit(first in proptest::collection::vec(0u32..10, 9), pos in 0usize..10, delta in 1u32..10) {
        let mut digits = first.clone();
        digits.push(inn10_check_digit(&first));
        let inn: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
        prop_assert_eq!(check_inn(&inn), Ok(()));
        digits[pos] = (digits[pos] + delta) % 10;
        let typo: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
        let weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        let sum = |d: &[u32]| d.iter().zip(weights).map(|(a, b)| a * b).sum::<u32>() % 11;
        let folded = pos < 9 && sum(&first) % 10 == sum(&digits[..9]) % 10;
        prop_assert!(check_inn(&typo).is_err() || folded, "{typo}");
    }

    #[test]
    fn templates_render_or_refuse(source in "([{}%#|()~*+a-z_. '\"\n-]|client.short_name|range|for|set|if|endif|endfor){0,40}") {
        match check_template("", &source) {
            Ok(()) => {
                let ctx = vipdesk::letters::TemplateContext::default();
                let text = render_template(&source, &ctx).expect("checked");
                prop_assert!(text.len() <= source.len() * 4 + 16);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn random_bytes_are_no_image(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        prop_assert!(decode_png(&bytes).is_err());
    }

    /// A real PNG with bytes flipped anywhere decodes or is refused.
    #[test]
    fn damaged_pngs_are_refused_or_decoded(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let mut png = small_png(40, 20);
        for (at, b) in flips {
            let i = at % png.len();
            png[i] ^= b | 1;
        }
        if let Ok(img) = decode_png(&png) {
            prop_assert!(img.width * img.height <= 25_000_000);
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Whatever a file holds, import adds exactly the clients it reports and refuses the rest:
    /// nothing half-saved, and an error leaves the database as it was.
    #[test]
    fn import_of_anything_adds_what_it_reports(text in csv_like(), raw in proptest::collection::vec(any::<u8>(), 0..300), as_bytes in any::<bool>(), xlsx in any::<bool>()) {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(if xlsx { "in.xlsx" } else { "in.csv" });
        std::fs::write(&path, if as_bytes { raw } else { text.into_bytes() }).expect("write");
        let mut db = db_in(dir.path());
        let before = clients::count(&db).expect("count");
        match import_clients(&mut db, &Actor::SYSTEM, &path, ImportMode::Update) {
            Ok(report) => {
                let after = clients::count(&db).expect("count");
                prop_assert_eq!(after - before, report.imported as i64);
            }
            Err(_) => prop_assert_eq!(clients::count(&db).expect("count"), before),
        }
    }
}

/// A database of three demo clients in `dir`: made once, then copied for every case.
fn db_in(dir: &Path) -> Db {
    static MADE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let clock = std::sync::Arc::new(FixedClock::on(today));
    let bytes = MADE.get_or_init(|| {
        let made = tempfile::tempdir().expect("tmp");
        let path = made.path().join("v.db");
        {
            let mut db = Db::open(&path).expect("db");
            db.set_clock(clock.clone());
            vipdesk::demo::generate(&mut db, 3, 7, today).expect("demo");
        }
        std::fs::read(&path).expect("the demo file")
    });
    let path = dir.join("v.db");
    std::fs::write(&path, bytes).expect("copy");
    let mut db = Db::open(&path).expect("db");
    db.set_clock(clock);
    db
}

/// A valid RGBA PNG of the given size.
fn small_png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().expect("header");
    w.write_image_data(&vec![200; (width * height * 4) as usize])
        .expect("data");
    drop(w);
    out
}

/// A PNG header claiming 20 000 × 20 000 pixels is refused from the header, at once.
#[test]
fn a_huge_png_is_refused_before_decoding() {
    let mut png = small_png(1, 1);
    // IHDR's width and height are bytes 16..24; its CRC (bytes 29..33) is fixed up below.
    png[16..20].copy_from_slice(&20_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&20_000u32.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let started = std::time::Instant::now();
    let Err(err) = decode_png(&png) else {
        panic!("a 20000×20000 image decoded")
    };
    assert!(
        matches!(
            err,
            PngError::TooLarge {
                width: 20_000,
                height: 20_000
            }
        ),
        "{err:?}"
    );
    assert!(started.elapsed().as_secs() < 2, "refused from the header");

    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("logo.png");
    std::fs::write(&path, &png).expect("write");
    let err = admin::read_png(&path).expect_err("too large");
    assert!(matches!(err, AdminError::ImageTooLarge { .. }), "{err:?}");
    let text = vipdesk::i18n::Describe::describe(&err);
    assert!(text.contains("20000") && text.contains("8000"), "{text}");
}

/// A stored phone that is not digits (written by another program) is shown as it is.
#[test]
fn a_stored_phone_of_letters_is_shown_as_it_is() {
    assert_eq!(Phone::from_storage("+7абвгд").display(), "+7абвгд");
    assert_eq!(
        Phone::from_storage("+79161234567;12").display(),
        "+7 916 123-45-67 доб. 12"
    );
}

#[test]
fn a_jpeg_named_png_is_not_a_png() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("signature.png");
    // The start of a JPEG file (SOI, APP0 JFIF).
    let mut jpeg = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0,
    ];
    jpeg.extend(std::iter::repeat_n(0x55, 3000));
    std::fs::write(&path, &jpeg).expect("write");
    let err = admin::read_png(&path).expect_err("jpeg");
    assert!(matches!(err, AdminError::NotPng), "{err:?}");
    let broken = dir.path().join("broken.png");
    let mut png = small_png(10, 10);
    png.truncate(png.len() / 2);
    std::fs::write(&broken, &png).expect("write");
    assert!(matches!(admin::read_png(&broken), Err(AdminError::NotPng)));
    assert!(admin::read_png(&dir.path().join("нет.png")).is_err());
}

/// Loops, assignments and arithmetic in a template are refused before anything runs, with
/// the line; the budget stops nothing a letter needs.
#[test]
fn heavy_templates_are_refused_with_their_line() {
    let bombs = [
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
        "{% set a = 'x' * 100000000 %}{% set a = a ~ a %}{% set a = a ~ a %}{{ a }}",
        "{{ client.short_name * 99999999 }}",
    ];
    for bomb in bombs {
        let source = format!("Уважаемый клиент!\n{bomb}");
        let started = std::time::Instant::now();
        let err = check_template("", &source).expect_err(bomb);
        assert!(
            matches!(err, TemplateError::Unsupported { line: 2, .. }),
            "{err:?}"
        );
        assert!(started.elapsed().as_millis() < 500);
    }
    // A 100 KB body of fields and conditions renders.
    let para = "Сообщаем {{ client.short_name }}, что {% if appeal.subject %}по обращению \
                «{{ appeal.subject }}» {% endif %}тариф изменится.\n";
    let body = para.repeat(100_000 / para.len() + 1);
    assert!(body.len() > 100_000);
    let mut ctx = vipdesk::letters::TemplateContext::default();
    ctx.client.short_name = "АО «Орелводоканал»".into();
    ctx.appeal.subject = "о перерасчёте".into();
    let text = render_template(&body, &ctx).expect("a long letter renders");
    assert!(text.len() > 80_000, "{}", text.len());
    assert_eq!(
        text.matches("о перерасчёте").count(),
        body.matches(para).count()
    );
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A client of 1,000-character names (one of them a single word) and a person with a
/// 1,000-character surname take a 100 KB letter: it saves, registers and renders into pages
/// whose text holds the whole body; nothing is cut.
#[test]
fn thousand_character_names_and_a_100_kb_letter_work() {
    use vipdesk::letters::{Reply, service as letters};
    let dir = tempfile::tempdir().expect("tmp");
    let mut db = db_in(dir.path());
    let id = clients::list(&db).expect("list")[0].id;
    let mut d = clients::open(&db, id).expect("dossier");
    let long_words = "Общество с ограниченной ответственностью «Ромашка» ".repeat(20);
    d.client.short_name = long_words
        .chars()
        .take(1000)
        .collect::<String>()
        .trim()
        .to_string();
    d.client.full_name = "Я".repeat(1000);
    d.people[0].surname = "Иванов".repeat(166) + "ич";
    clients::save(&mut db, &Actor::SYSTEM, &d).expect("long names save");
    let back = clients::open(&db, id).expect("dossier");
    assert_eq!(back.client.full_name.chars().count(), 1000);
    assert_eq!(back.people[0].surname.chars().count(), 998);
    let row = clients::list(&db)
        .expect("list")
        .into_iter()
        .find(|r| r.id == id)
        .expect("row");
    assert_eq!(row.short_name, back.client.short_name);

    let template = letters::template(&db, "reply_appeal")
        .expect("q")
        .expect("t");
    let reply = Reply {
        number: "17".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        subject: "О перерасчёте".into(),
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let mut letter = letters::draft_for(&db, id, back.people[0].id, &template, None, &reply, today)
        .expect("draft");
    let para = "Сообщаем, что начисления за электроэнергию по договору пересчитаны с учётом \
                показаний приборов учёта, переданных вами в установленный срок.\n";
    letter.body = para.repeat(100_000 / para.len() + 1);
    assert!(letter.body.len() > 100_000);
    let lid = letters::save_draft(&mut db, &Actor::SYSTEM, &letter).expect("save");
    let registered = letters::register(&mut db, &Actor::SYSTEM, lid).expect("register");
    assert_eq!(registered.body, letter.body, "nothing cut");
    let pdf = letters::pdf(db.conn(), &registered, db.today()).expect("pdf");
    if let Ok(keep) = std::env::var("VIPDESK_KEEP_PDF") {
        std::fs::write(keep, &pdf).expect("keep");
    }
    let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
    let pages = doc.get_pages().len();
    assert!((10..200).contains(&pages), "{pages} pages");
    let text = common::pdf_text(&pdf);
    assert_eq!(
        text.matches("установленный").count(),
        letter.body.matches(para).count(),
        "every paragraph is printed"
    );
}
