//! Letters as PDF: the text comes back in order, fonts are embedded subsets with a Unicode map,
//! long letters break pages by the rules.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::sync::Arc;

use vipdesk::pdf::{Company, LetterContent, Meta, layout_letter, render_pdf};

pub fn sample_letter(paragraphs: usize) -> LetterContent {
    let body = (0..paragraphs)
        .map(|i| {
            format!(
                "{}. Сообщаем, что по Вашему обращению проведена проверка начислений за электрическую энергию по договору энергоснабжения № 57001234. \
                 По её итогам выполнен перерасчёт на сумму 12 345,67 ₽, который будет учтён в счёте за следующий расчётный период. \
                 Персональный менеджер готов ответить на любые вопросы «по существу» в удобное для Вас время.",
                i + 1
            )
        })
        .collect();
    LetterContent {
        draft: false,
        company: Company {
            name: "Открытое акционерное общество «Орловская сбытовая компания»".into(),
            short_name: "ОАО «Орелэнергосбыт»".into(),
            address: "302028, г. Орёл, ул. Тургенева, д. 19".into(),
            phones: "+7 (4862) 44-00-00".into(),
            email: "office@orelenergosbyt.example".into(),
            site: "orelenergosbyt.example".into(),
            okpo: "12345678".into(),
            ogrn: "1055753003272".into(),
            inn: "5753034569".into(),
            kpp: "575301001".into(),
            number_format: "VIP-{n}".into(),
            show_logo: true,
            logo_png: Some(Arc::new(
                std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icon.png"))
                    .expect("logo"),
            )),
            ..Company::default()
        },
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
        number: Some("VIP-145".into()),
        reply_to: Some(("17".into(), chrono::NaiveDate::from_ymd_opt(2026, 11, 20))),
        addressee: vec![
            "Генеральному директору ООО «Ромашка»".into(),
            "И.И.\u{a0}Иванову".into(),
            "302028, г. Орёл, ул. Ленина, д. 1".into(),
        ],
        heading: "О рассмотрении обращения".into(),
        salutation: "Уважаемый Иван Иванович!".into(),
        body,
        closing: "С уважением,".into(),
        attachment: "Приложение: на 2 л. в 1 экз.".into(),
        signer_position: "Менеджер по работе с клиентами категории «VIP»".into(),
        signer_name: "А.С.\u{a0}Петрова".into(),
        signature_png: Some(Arc::new(vipdesk::demo::demo_signature_png(3))),
        executor_name: "Петрова Анна Сергеевна".into(),
        executor_phone: "+7 (4862) 44-02-01".into(),
    }
}

fn extract_pages(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("a valid PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    pages
        .iter()
        .map(|p| doc.extract_text(&[*p]).expect("text"))
        .collect()
}

/// Text with every kind of space folded to one, for comparisons.
fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn letter_text_comes_back_in_order() {
    let letter = sample_letter(2);
    let doc = layout_letter(
        &letter,
        Meta {
            title: "Письмо".into(),
            ..Default::default()
        },
    );
    let bytes = render_pdf(&doc).expect("pdf");
    let pages = extract_pages(&bytes);
    assert_eq!(pages.len(), 1);
    let text = fold(&pages[0]);
    let expected = [
        "Открытое акционерное общество",
        "25.11.2026 № VIP-145",
        "На № 17 от 20.11.2026",
        "Генеральному директору ООО «Ромашка»",
        "И.И. Иванову",
        "О рассмотрении обращения",
        "Уважаемый Иван Иванович!",
        "1. Сообщаем, что по Вашему обращению",
        "12 345,67 ₽",
        "Приложение: на 2 л. в 1 экз.",
        "Менеджер по работе с клиентами категории «VIP»",
        "А.С. Петрова",
        "Исп. Петрова Анна Сергеевна",
        "тел. +7 (4862) 44-02-01",
    ];
    let mut from = 0;
    for e in expected {
        let at = text[from..]
            .find(e)
            .unwrap_or_else(|| panic!("«{e}» not found after position {from} in:\n{text}"));
        from += at + e.len();
    }
    // The body paragraphs come back whole (hyphenated words joined again).
    assert!(
        text.replace("- ", "").contains(&fold(&letter.body[1])),
        "{text}"
    );
}

#[test]
fn fonts_are_embedded_subsets_with_a_unicode_map() {
    let bytes = render_pdf(&layout_letter(&sample_letter(1), Meta::default())).expect("pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("pdf");
    let mut fonts = 0;
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"Font".as_slice())
            || dict.get(b"Subtype").and_then(|t| t.as_name()).ok() != Some(b"Type0".as_slice())
        {
            continue;
        }
        fonts += 1;
        let base = String::from_utf8_lossy(
            dict.get(b"BaseFont")
                .and_then(|b| b.as_name())
                .expect("BaseFont"),
        )
        .to_string();
        assert!(
            base.len() > 7 && base.as_bytes()[6] == b'+',
            "subset name: {base}"
        );
        assert!(base.contains("PTSerif"), "{base}");
        assert!(dict.get(b"ToUnicode").is_ok(), "{base} has a Unicode map");
    }
    assert_eq!(fonts, 2, "regular and bold");
    assert!(
        bytes.len() < 100_000,
        "one page with logo and signature is small: {} bytes",
        bytes.len()
    );
}

#[test]
fn long_letter_numbers_pages_and_keeps_the_signature_with_the_text() {
    let letter = sample_letter(9);
    let doc = layout_letter(&letter, Meta::default());
    assert!(doc.pages.len() >= 2);
    let bytes = render_pdf(&doc).expect("pdf");
    let pages = extract_pages(&bytes);
    assert_eq!(pages.len(), doc.pages.len());
    // Page 2 carries its number at the top; page 1 has none.
    assert_eq!(fold(&pages[1]).split(' ').next(), Some("2"), "{}", pages[1]);
    // The signature is on the last page, after at least two lines of the body.
    let last = doc.pages.last().expect("a page");
    let texts: Vec<&vipdesk::pdf::TextRun> = last
        .items
        .iter()
        .filter_map(|i| match i {
            vipdesk::pdf::Item::Text(r) => Some(r),
            _ => None,
        })
        .collect();
    let sig = texts
        .iter()
        .position(|r| r.text.contains("Петрова") && !r.text.starts_with("Исп."))
        .expect("signer on the last page");
    let body_lines = texts[..sig]
        .iter()
        .filter(|r| r.style.size == 13.0 && r.text.len() > 40)
        .count();
    assert!(
        body_lines >= 2,
        "only {body_lines} body lines before the signature"
    );
    // No widow: a page that starts inside a paragraph carries at least two of its lines.
    let left = vipdesk::pdf::letter::LEFT;
    for page in &doc.pages[1..] {
        let body: Vec<&vipdesk::pdf::TextRun> = page
            .items
            .iter()
            .filter_map(|i| match i {
                vipdesk::pdf::Item::Text(r) if r.style.size == 13.0 => Some(r),
                _ => None,
            })
            .collect();
        let continues = |r: &vipdesk::pdf::TextRun| (r.x - left).abs() < 0.5;
        if body.first().is_some_and(|r| continues(r)) {
            assert!(
                body.get(1).is_some_and(|r| continues(r)),
                "a single line carried over: {:?}",
                body.first()
            );
        }
    }
}

#[test]
fn a_character_the_font_lacks_is_refused() {
    let mut letter = sample_letter(1);
    letter.body.push("Снеговик ☃ не печатается".into());
    let err = render_pdf(&layout_letter(&letter, Meta::default())).expect_err("missing glyph");
    assert!(err.to_string().contains('☃'), "{err}");
}

fn runs(page: &vipdesk::pdf::Page) -> Vec<&vipdesk::pdf::TextRun> {
    page.items
        .iter()
        .filter_map(|i| match i {
            vipdesk::pdf::Item::Text(r) => Some(r),
            _ => None,
        })
        .collect()
}

/// Issue 10, typography: the page number stands clear of the printer's margin, the file makes
/// no PDF/X claim, and a justified line never gapes.
#[test]
fn page_numbers_clear_the_edge_and_no_pdfx_claim() {
    let doc = layout_letter(&sample_letter(9), Meta::default());
    assert!(doc.pages.len() >= 2);
    let mm = vipdesk::pdf::layout::MM;
    for page in &doc.pages[1..] {
        let number = runs(page)
            .into_iter()
            .find(|r| r.text.chars().all(|c| c.is_ascii_digit()))
            .expect("a page number");
        // The top of the digits: the baseline less their height (0.75 of the size, generous).
        let top = number.y - number.style.size * 0.75;
        assert!(top >= 10.0 * mm, "the number's top is {:.1} mm", top / mm);
    }
    let bytes = render_pdf(&doc).expect("pdf");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("GTS_PDFX"), "a PDF/X key in the file");
    assert!(!text.contains("pdfx:"), "PDF/X in the XMP");
    // The file still reads.
    assert_eq!(extract_pages(&bytes).len(), doc.pages.len());
}

#[test]
fn justified_lines_gape_no_more_than_0_9_em_and_words_are_hyphenated() {
    let mut letter = sample_letter(4);
    // A paragraph of long words that an unhyphenated justification stretches badly.
    letter.body.push(
        "Электроэнергетическая компания информирует о необходимости своевременного \
         предоставления показаний приборов учёта электрической энергии и мощности, \
         а также о перераспределении максимальной мощности энергопринимающих устройств."
            .into(),
    );
    let doc = layout_letter(&letter, Meta::default());
    let mut hyphenated = 0;
    for page in &doc.pages {
        for r in runs(page) {
            let gap = vipdesk::pdf::layout::gap_em(r);
            assert!(gap <= 0.9 + 1e-3, "a gap of {gap:.2} em in «{}»", r.text);
            if r.text.ends_with('-') && r.word_spacing != 0.0 {
                hyphenated += 1;
            }
        }
    }
    assert!(hyphenated > 0, "no word was hyphenated");
}

/// The facsimile stays between the position and the name, whatever their length.
#[test]
fn the_signature_image_never_overlaps_text() {
    let mut letter = sample_letter(1);
    letter.signer_name = "А.С.\u{a0}Петрова-Водкина-Константинопольская".into();
    letter.signer_position =
        "Заместитель начальника управления по работе с клиентами категории «VIP»".into();
    let doc = layout_letter(&letter, Meta::default());
    let page = doc.pages.last().expect("page");
    let image = page
        .items
        .iter()
        .find_map(|i| match i {
            vipdesk::pdf::Item::Image { x, y, w, h, .. } if *y > 300.0 => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .expect("the signature image");
    for r in runs(page) {
        let (x0, x1) = (r.x, r.x + r.width());
        let (y0, y1) = (r.y - r.style.size * 0.8, r.y + r.style.size * 0.2);
        let apart =
            x1 <= image.0 || x0 >= image.0 + image.2 || y1 <= image.1 || y0 >= image.1 + image.3;
        assert!(apart, "the signature covers «{}»", r.text);
    }
}

/// The courier sheet: landscape, every word and date whole in its cell, rows in order, the
/// totals on the page of the last rows, page numbers.
#[test]
fn courier_sheet_cells_hold_whole_words() {
    use vipdesk::pdf::courier::{CourierRow, layout_courier_sheet};
    let rows: Vec<CourierRow> = (1..=40)
        .map(|i| CourierRow {
            number: format!("VIP-{i}"),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            client: "МУП «Болховский плодоконсервный завод № 11» Орловской области".into(),
            address: "303140, Орловская обл., г. Болхов, ул. Комсомольская, д. 117, корп. 2".into(),
            addressee: "Константинопольский А.А., заместитель генерального директора по экономике"
                .into(),
        })
        .collect();
    let doc = layout_courier_sheet(
        &rows,
        common_today(),
        "Петрова А.С.",
        "ОАО «Орелэнергосбыт»",
    );
    assert!(doc.width > doc.height, "landscape");
    assert!(doc.pages.len() >= 2);
    let tokens: std::collections::HashSet<String> = doc
        .pages
        .iter()
        .flat_map(|p| {
            runs(p)
                .into_iter()
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
        })
        .flat_map(|t| {
            t.split([' ', '\u{a0}'])
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for r in &rows {
        for word in [&r.client, &r.address, &r.addressee, &r.number]
            .iter()
            .flat_map(|s| s.split([' ', '\u{a0}']))
            .chain(["20.11.2026"])
        {
            assert!(tokens.contains(word), "«{word}» was broken in its cell");
        }
    }
    // Rows in ascending order.
    let order: Vec<usize> = doc
        .pages
        .iter()
        .flat_map(|p| {
            runs(p)
                .into_iter()
                .map(|r| r.text.clone())
                .collect::<Vec<_>>()
        })
        .filter_map(|t| t.strip_prefix("VIP-").and_then(|n| n.parse().ok()))
        .collect();
    assert_eq!(order, (1..=40).collect::<Vec<_>>());
    // The totals share the last page with the last row; pages from 2 carry their number.
    let last = doc.pages.last().expect("page");
    let texts: Vec<String> = runs(last).into_iter().map(|r| r.text.clone()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Всего писем")));
    assert!(texts.iter().any(|t| t == "VIP-40"));
    for (k, page) in doc.pages.iter().enumerate().skip(1) {
        assert!(
            runs(page).iter().any(|r| r.text == (k + 1).to_string()),
            "page {} has no number",
            k + 1
        );
    }
}

fn common_today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

/// The paragraph a body line belongs to, from its words `w{p}x` (none for other runs).
fn paragraph_of(r: &vipdesk::pdf::TextRun) -> Option<usize> {
    r.text
        .split(|c: char| c.is_whitespace())
        .find_map(|w| w.strip_prefix('w')?.strip_suffix('x')?.parse().ok())
}

/// Issue 22 point 1: on bodies of every length from one page to four, whose last paragraph is
/// one line, no page opens with a paragraph's last line alone, none ends with a paragraph's first
/// line alone, and the signature never stands below fewer than two lines of the text.
#[test]
fn no_widow_or_orphan_on_bodies_of_every_length() {
    let lengths = [40, 7, 90, 25, 3, 60, 15, 33];
    let mut pages_seen = std::collections::BTreeSet::new();
    for seed in 0..lengths.len() {
        for count in 1..=64 {
            let mut body: Vec<String> = (0..count)
                .map(|p| {
                    let words = lengths[(p + seed) % lengths.len()];
                    vec![format!("w{p}x"); words].join(" ")
                })
                .collect();
            body.push(vec![format!("w{count}x"); 4].join(" "));
            let mut letter = sample_letter(0);
            letter.body = body;
            let doc = layout_letter(&letter, Meta::default());
            pages_seen.insert(doc.pages.len());
            // (page, paragraph) of every body line, in order.
            let lines: Vec<(usize, usize)> = doc
                .pages
                .iter()
                .enumerate()
                .flat_map(|(n, page)| {
                    runs(page)
                        .into_iter()
                        .filter_map(move |r| paragraph_of(r).map(|p| (n, p)))
                })
                .collect();
            let on = |page: usize, p: usize| lines.iter().filter(|&&l| l == (page, p)).count();
            let total = |p: usize| lines.iter().filter(|l| l.1 == p).count();
            let case = format!("seed {seed}, {} paragraphs", count + 1);
            for w in lines.windows(2) {
                let ((a_page, a), (b_page, b)) = (w[0], w[1]);
                if a_page != b_page && a == b {
                    assert!(
                        on(a_page, a) >= 2,
                        "{case}: the first line of paragraph {a} alone at the foot of page {}",
                        a_page + 1
                    );
                    assert!(
                        on(b_page, b) >= 2,
                        "{case}: the last line of paragraph {b} alone at the head of page {}",
                        b_page + 1
                    );
                }
            }
            let last = doc.pages.len() - 1;
            let above_signature = lines.iter().filter(|l| l.0 == last).count();
            let body_lines: usize = (0..=count).map(total).sum();
            assert!(
                above_signature >= 2.min(body_lines),
                "{case}: {above_signature} line(s) above the signature on page {}",
                last + 1
            );
        }
    }
    assert!(
        (1..=4).all(|n| pages_seen.contains(&n)),
        "lengths from one page to four: {pages_seen:?}"
    );
}
