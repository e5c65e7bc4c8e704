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
        executor_phone: "+7 486 244-02-01".into(),
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
        "тел. +7 486 244-02-01",
    ];
    let mut from = 0;
    for e in expected {
        let at = text[from..]
            .find(e)
            .unwrap_or_else(|| panic!("«{e}» not found after position {from} in:\n{text}"));
        from += at + e.len();
    }
    // The body paragraphs come back whole.
    assert!(text.contains(&fold(&letter.body[1])), "{text}");
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
