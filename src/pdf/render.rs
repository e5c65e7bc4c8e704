//! A laid-out [`Document`] to PDF bytes with printpdf: fonts subset per document (allsorts,
//! PDF profile, Unicode cmap, glyph 0 kept) under a proper subset name, images as RGBA with a
//! soft mask, justification by offsets in the shown text (word spacing does not apply to
//! two-byte fonts), metadata set explicitly.

use std::collections::{BTreeSet, HashMap};

use printpdf::{
    Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, RawImage, RawImageData, RawImageFormat, TextItem, TextMatrix, XObjectTransform,
};

use super::fonts::{Weight, fonts};
use super::layout::{Document, Item, MM, TextRun};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PdfError {
    /// Characters the embedded font has no glyphs for.
    #[error("the font lacks {0:?}")]
    MissingGlyphs(String),
    #[error("font: {0}")]
    Font(String),
    #[error("image: {0}")]
    Image(String),
}

/// A subset of one face: its bytes renamed, ready for printpdf.
fn subset_face(weight: Weight, chars: &BTreeSet<char>) -> Result<ParsedFont, PdfError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let face = fonts().face(weight);
    let scope = ReadScope::new(face.bytes);
    let font = scope
        .read::<FontData<'_>>()
        .map_err(|e| PdfError::Font(e.to_string()))?;
    let provider = font
        .table_provider(0)
        .map_err(|e| PdfError::Font(e.to_string()))?;
    // Glyph 0 (.notdef) first, then every glyph used, each once.
    let mut ids: Vec<u16> = vec![0];
    let mut seen = BTreeSet::new();
    for c in chars {
        if let Some(g) = face.glyph(*c)
            && g != 0
            && seen.insert(g)
        {
            ids.push(g);
        }
    }
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| PdfError::Font(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| PdfError::Font(face.ps_name.into()))?;
    parsed.font_name = Some(format!("{}+{}", subset_tag(chars), face.ps_name));
    Ok(parsed)
}

/// Six capital letters naming a subset, derived from what it contains.
fn subset_tag(chars: &BTreeSet<char>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h ^= u64::from(*c as u32);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
        .collect()
}

fn decode_png(png: &[u8]) -> Result<RawImage, PdfError> {
    let img = crate::pixels::decode_png(png).map_err(|e| PdfError::Image(e.to_string()))?;
    Ok(RawImage {
        pixels: RawImageData::U8(img.data),
        width: img.width,
        height: img.height,
        data_format: RawImageFormat::RGBA8,
        tag: Vec::new(),
    })
}

/// The text items of a run: words with their spaces, and the justification as offsets.
fn show_items(run: &TextRun) -> Vec<TextItem> {
    if run.word_spacing == 0.0 {
        return vec![TextItem::Text(run.text.clone())];
    }
    let offset = -run.word_spacing * 1000.0 / run.style.size;
    let mut items = Vec::new();
    let mut parts = run.text.split(' ').peekable();
    while let Some(word) = parts.next() {
        if parts.peek().is_some() {
            items.push(TextItem::Text(format!("{word} ")));
            items.push(TextItem::Offset(offset));
        } else {
            items.push(TextItem::Text(word.to_string()));
        }
    }
    items
}

/// Renders the document to PDF bytes.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let text = doc.text();
    let missing = fonts().missing_glyphs(&text);
    if !missing.is_empty() {
        return Err(PdfError::MissingGlyphs(missing.into_iter().collect()));
    }
    let mut pdf = PdfDocument::new(&doc.meta.title);
    // Fonts: one subset per weight used.
    let mut chars: HashMap<Weight, BTreeSet<char>> = HashMap::new();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text(r) = item {
                chars
                    .entry(r.style.weight)
                    .or_default()
                    .extend(r.text.chars());
            }
        }
    }
    let mut font_ids = HashMap::new();
    for (weight, set) in &chars {
        let parsed = subset_face(*weight, set)?;
        font_ids.insert(*weight, pdf.add_font(&parsed));
    }
    // Images: each distinct PNG once.
    let mut images: HashMap<*const Vec<u8>, (printpdf::XObjectId, usize, usize)> = HashMap::new();
    let h = doc.height;
    let mut pages = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let mut ops = Vec::new();
        for item in &page.items {
            match item {
                Item::Text(run) => {
                    let Some(font) = font_ids.get(&run.style.weight) else {
                        continue;
                    };
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(run.style.size),
                    });
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(run.x), Pt(h - run.y)),
                    });
                    ops.push(Op::ShowText {
                        items: show_items(run),
                    });
                    ops.push(Op::EndTextSection);
                }
                Item::Image {
                    x,
                    y,
                    w,
                    h: ih,
                    png,
                } => {
                    let key = std::sync::Arc::as_ptr(png);
                    let (id, pw, ph) = match images.get(&key) {
                        Some(v) => v.clone(),
                        None => {
                            let raw = decode_png(png)?;
                            let v = (pdf.add_image(&raw), raw.width, raw.height);
                            images.insert(key, v.clone());
                            v
                        }
                    };
                    ops.push(Op::UseXobject {
                        id,
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(h - y - ih)),
                            scale_x: Some(w / pw.max(1) as f32),
                            scale_y: Some(ih / ph.max(1) as f32),
                            dpi: Some(72.0),
                            ..Default::default()
                        },
                    });
                }
                Item::Bar {
                    x,
                    y,
                    w,
                    h: bh,
                    grey,
                } => {
                    let fill = |percent: f32| Op::SetFillColor {
                        col: printpdf::Color::Greyscale(printpdf::Greyscale {
                            percent,
                            icc_profile: None,
                        }),
                    };
                    ops.push(fill(*grey));
                    ops.push(Op::DrawRectangle {
                        rectangle: printpdf::Rect {
                            x: Pt(*x),
                            y: Pt(h - y - bh),
                            width: Pt(*w),
                            height: Pt(*bh),
                            mode: Some(printpdf::PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                    // Text after it is black again.
                    ops.push(fill(0.0));
                }
                Item::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x1),
                                        y: Pt(h - y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x2),
                                        y: Pt(h - y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
            }
        }
        pages.push(PdfPage::new(Mm(doc.width / MM), Mm(doc.height / MM), ops));
    }
    for (page, title) in &doc.bookmarks {
        // printpdf counts pages from 1.
        pdf.add_bookmark(title, page + 1);
    }
    let info = &mut pdf.metadata.info;
    info.document_title = doc.meta.title.clone();
    info.author = doc.meta.author.clone();
    info.subject = doc.meta.subject.clone();
    info.creator = "vipdesk".into();
    info.producer = format!("vipdesk {}", env!("CARGO_PKG_VERSION"));
    // The start of the document's day, local time with its offset: a PDF made today is never
    // dated later than the moment it was made.
    let date = pdf_date(doc.meta.date);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut bytes = pdf.with_pages(pages).save(&opts, &mut warnings);
    drop_pdfx_claim(&mut bytes);
    Ok(bytes)
}

/// Midnight of `day` in the local time zone, as the moment in UTC (printpdf writes the offset
/// as +00'00' whatever it is given).
fn pdf_date(day: chrono::NaiveDate) -> printpdf::OffsetDateTime {
    use chrono::{Datelike as _, TimeZone as _, Timelike as _};
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    let utc = chrono::Local
        .from_local_datetime(&midnight)
        .earliest()
        .map_or(midnight, |t| t.naive_utc());
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: utc.year(),
            month: utc.month() as u8,
            day: utc.day() as u8,
        },
        printpdf::date::Time {
            hour: utc.hour() as u8,
            minute: utc.minute() as u8,
            second: 0,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// printpdf always writes a `GTS_PDFXVersion` key into the document information, empty when no
/// PDF/X conformance is chosen; a preflight tool reads it as a claim to PDF/X the file does not
/// meet. The key is blanked out with spaces of the same length, so every offset of the
/// cross-reference table stays right.
fn drop_pdfx_claim(bytes: &mut [u8]) {
    const KEY: &[u8] = b"/GTS_PDFXVersion()";
    if let Some(at) = bytes.windows(KEY.len()).position(|w| w == KEY) {
        bytes[at..at + KEY.len()].fill(b' ');
    }
}
