//! The letter editor with its exact preview (the same layout the PDF is rendered from).

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::Manager;
use crate::clients::Dossier;
use crate::domain::{FieldError, FieldErrors, Id, fmt};
use crate::i18n::fields;
use crate::i18n::{self as t, Describe, Label};
use crate::letters::compose::{self, content_from, document_from};
use crate::letters::{
    Letter, LetterError, LetterStatus, Reply, Template, TemplateError, TemplateField,
    TemplateFields, service,
};
use crate::pdf::{self, Company, Document, Item};
use crate::storage::StorageError;
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::stale::{self, Stale, stale_ui};
use crate::ui::theme;
use crate::ui::widgets::{self, ConflictAnswer, err, form_grid};

/// What the editor needs from the database, loaded when it opens.
pub struct LetterEditor {
    pub letter: Letter,
    pub original: Letter,
    /// The letter as the database held it when opened or last saved (`None` for a new one):
    /// a save over a draft another instance changed meanwhile is caught.
    pub loaded: Option<Letter>,
    pub stale: Option<Stale<Letter>>,
    pub dossier: Dossier,
    pub templates: Vec<Template>,
    pub template_code: String,
    pub company: Company,
    pub manager: Option<Manager>,
    pub reply_date: String,
    pub reply_subject: String,
    pub errors: FieldErrors,
    pub template_error: Option<TemplateError>,
    pub preview: Option<Document>,
    /// Characters of the text the letter's font cannot print.
    pub missing_glyphs: String,
    pub pdf_path: String,
    pub received_by: String,
    /// The date of the next status; today (by the clock) until the user types another.
    pub status_date: String,
    status_date_typed: bool,
    /// The letter text last laid out, to lay out again only when it changes.
    laid_out: Option<Letter>,
    textures: HashMap<usize, egui::TextureHandle>,
    /// The appeal this letter answers or notifies: (id, number).
    pub appeal: Option<(crate::domain::Id, String)>,
    /// The letter a correction corrects, by its number and date.
    pub corrects: Option<String>,
    /// Whether the user may work on this letter (another manager's client: no, and why).
    pub may_edit: Result<(), crate::domain::Denied>,
    /// The values the template asks for, as typed, and their errors.
    pub typed_fields: TemplateFields,
    pub field_errors: std::collections::BTreeMap<&'static str, String>,
    /// The heading and body the template last made: fields are filled in again only while the
    /// text is still the template's.
    rendered: Option<(String, String)>,
    /// The heading and body before a template replaced them, to take back.
    replaced: Option<(String, String)>,
}

impl LetterEditor {
    pub fn new(
        letter: Letter,
        dossier: Dossier,
        templates: Vec<Template>,
        company: Company,
        manager: Option<Manager>,
    ) -> Self {
        let reply_date = fmt::opt_date(letter.reply_date);
        let template_code = letter.template_code.clone();
        let mut ed = LetterEditor {
            original: letter.clone(),
            loaded: letter.id.is_some().then(|| letter.clone()),
            stale: None,
            letter,
            dossier,
            templates,
            template_code,
            company,
            manager,
            reply_date,
            reply_subject: String::new(),
            errors: FieldErrors::new(),
            template_error: None,
            preview: None,
            missing_glyphs: String::new(),
            pdf_path: String::new(),
            received_by: String::new(),
            status_date: String::new(),
            status_date_typed: false,
            laid_out: None,
            textures: HashMap::new(),
            appeal: None,
            corrects: None,
            may_edit: Ok(()),
            typed_fields: TemplateFields::default(),
            field_errors: Default::default(),
            rendered: None,
            replaced: None,
        };
        ed.refresh_preview();
        ed
    }

    pub fn is_draft(&self) -> bool {
        self.letter.status == LetterStatus::Draft
    }

    /// Shows the letter as saved now, the user's edits dropped (they chose so).
    fn take(&mut self, theirs: Letter) {
        self.reply_date = fmt::opt_date(theirs.reply_date);
        self.template_code = theirs.template_code.clone();
        self.original = theirs.clone();
        self.letter = theirs.clone();
        self.loaded = Some(theirs);
        self.errors.clear();
    }

    /// Lays the letter out again if its text changed since the last time.
    pub fn refresh_preview(&mut self) {
        if self.laid_out.as_ref() == Some(&self.letter) {
            return;
        }
        let content = content_from(&self.letter, &self.company, self.manager.as_ref());
        self.missing_glyphs = crate::letters::draft::missing_glyphs(&self.letter);
        // The preview draws the pages; its metadata never reaches a file (the PDF written from
        // the editor is laid out again, dated by the clock).
        let date = self.letter.reg_date.unwrap_or_default();
        self.preview = Some(document_from(&self.letter, &content, date));
        self.laid_out = Some(self.letter.clone());
    }

    /// The form checked into the letter (with its reply date); errors go beside the fields.
    pub fn check(&mut self) -> bool {
        match crate::letters::draft::check(&self.letter, &self.reply_date) {
            Ok(l) => {
                self.letter = l;
                self.errors.clear();
                true
            }
            Err(errors) => {
                self.errors = errors;
                false
            }
        }
    }

    /// The fields the chosen template asks for.
    fn template_fields(&self) -> Vec<TemplateField> {
        self.templates
            .iter()
            .find(|t| t.code == self.template_code)
            .map(|t| crate::letters::template::fields_used(&t.heading, &t.body))
            .unwrap_or_default()
    }

    /// The typed fields checked: the good ones formatted, the others left as blanks with their
    /// errors beside them.
    fn checked_fields(&mut self) -> TemplateFields {
        let mut out = TemplateFields::default();
        self.field_errors.clear();
        for f in self.template_fields() {
            let typed = self.typed_fields.get(f);
            if typed.trim().is_empty() {
                continue;
            }
            match f.normalise(typed) {
                Ok(v) => *out.get_mut(f) = v,
                Err(e) => {
                    self.field_errors.insert(f.placeholder(), t::describe(&e));
                }
            }
        }
        out
    }

    /// Replaces the heading and body with the chosen template's (keeping the old text to take
    /// back).
    fn choose_template(&mut self, today: NaiveDate) {
        let before = (self.letter.heading.clone(), self.letter.body.clone());
        self.apply_template(today);
        let changed = (self.letter.heading.clone(), self.letter.body.clone()) != before;
        let was_template = self.rendered.as_ref() == Some(&before);
        if changed && !before.1.trim().is_empty() && !was_template {
            self.replaced = Some(before);
        }
    }

    fn apply_template(&mut self, today: NaiveDate) {
        let fields = self.checked_fields();
        let Some(template) = self.templates.iter().find(|t| t.code == self.template_code) else {
            return;
        };
        let reply = Reply {
            number: self.letter.reply_number.clone(),
            date: fmt::parse_date(&self.reply_date),
            subject: self.reply_subject.clone(),
            fields,
            ..Default::default()
        };
        match compose::draft_from(
            &self.dossier,
            self.letter.person_id,
            template,
            self.manager.as_ref(),
            &self.company,
            &reply,
            today,
        ) {
            Ok(d) => {
                self.letter.heading = d.heading;
                self.letter.body = d.body;
                self.letter.template_code = d.template_code;
                self.rendered = Some((self.letter.heading.clone(), self.letter.body.clone()));
                self.template_error = None;
            }
            Err(e) => self.template_error = Some(e),
        }
    }

    fn set_person(&mut self, id: Option<Id>) {
        self.letter.person_id = id;
        if let Some(p) = id.and_then(|id| self.dossier.people.iter().find(|p| p.id == Some(id))) {
            self.letter.addressee = compose::addressee_lines(&self.dossier, p).join("\n");
            self.letter.salutation = compose::salutation(p);
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, today: NaiveDate) -> Vec<Command> {
        // An error beside a field goes once the field is fixed (the status date is checked
        // apart, when the status is set).
        let status_date = self.errors.remove("status_date");
        widgets::forget_fixed(
            &mut self.errors,
            crate::letters::draft::check(&self.letter, &self.reply_date),
        );
        if let Some(e) = status_date
            && fmt::parse_date(&self.status_date).is_none()
        {
            self.errors.insert("status_date".into(), e);
        }
        if !self.status_date_typed {
            self.status_date = fmt::date(today);
        }
        let mut out = Vec::new();
        if let Some((answer, theirs)) = stale_ui(ui.ctx(), &mut self.stale) {
            match answer {
                ConflictAnswer::KeepMine => {
                    self.loaded = Some(theirs);
                    out.push(Cmd::Save.into());
                }
                ConflictAnswer::TakeTheirs => self.take(theirs),
                ConflictAnswer::Cancel => {}
            }
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let title = if self.letter.number.is_empty() {
                t::letter_draft_title(&self.dossier.client.short_name)
            } else {
                t::letter_title(&self.letter.number, &fmt::opt_date(self.letter.reg_date))
            };
            ui.heading(title);
            ui.label(
                RichText::new(self.letter.status.label())
                    .color(theme::ACCENT)
                    .strong(),
            );
            if self.is_dirty() {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
            if let Some((id, number)) = &self.appeal
                && ui.link(t::letter_of_appeal(number)).clicked()
            {
                out.push(Command::Open(crate::ui::command::Route::Appeal(*id)));
            }
        });
        if let Some(v) = &self.corrects {
            ui.label(
                RichText::new(t::letter_version_of(v))
                    .small()
                    .color(theme::MUTED),
            );
        }
        // Another manager's letter is read here, sent by its manager or the head.
        match self.may_edit {
            Ok(()) => self.actions_ui(ui, &mut out),
            Err(why) => {
                widgets::message(ui, &t::describe(&why));
                if ui.button(t::CLOSE).clicked() {
                    out.push(Cmd::Close.into());
                }
            }
        }
        ui.separator();
        let width = ui.available_width();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width((width * 0.44).max(360.0));
                egui::ScrollArea::vertical()
                    .id_salt("letter_form")
                    .show(ui, |ui| self.form_ui(ui, today));
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.label(RichText::new(t::PREVIEW).strong());
                if !self.missing_glyphs.is_empty() {
                    let e = FieldError::MissingGlyphs(self.missing_glyphs.clone());
                    ui.label(RichText::new(e.describe()).color(theme::ERROR));
                }
                egui::ScrollArea::vertical()
                    .id_salt("letter_preview")
                    .show(ui, |ui| self.preview_ui(ui));
            });
        });
        self.refresh_preview();
        out
    }

    fn actions_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            if self.is_draft() {
                if ui.button(RichText::new(t::SAVE_DRAFT).strong()).clicked() && self.check() {
                    out.push(Cmd::Save.into());
                }
                if ui.button(t::REGISTER_LETTER).clicked() && self.check() {
                    out.push(Cmd::Register.into());
                }
            } else {
                if let Some(next) = self.letter.status.next() {
                    if next == LetterStatus::Delivered {
                        let l = ui.label(t::RECEIVED_BY);
                        ui.add(TextEdit::singleline(&mut self.received_by).desired_width(160.0))
                            .labelled_by(l.id);
                    }
                    let l = ui.label(t::STATUS_DATE);
                    self.status_date_typed |= ui
                        .add(TextEdit::singleline(&mut self.status_date).desired_width(90.0))
                        .labelled_by(l.id)
                        .changed();
                    if ui.button(t::mark_status(next.label())).clicked() {
                        match fmt::parse_date(&self.status_date) {
                            Some(d) => {
                                self.errors.remove("status_date");
                                out.push(Cmd::Advance(next, d, self.received_by.clone()).into())
                            }
                            None => {
                                self.errors.insert("status_date".into(), FieldError::Date);
                            }
                        }
                    }
                }
                if ui.button(t::CORRECT_LETTER).clicked() {
                    out.push(Cmd::Correct.into());
                }
            }
            if ui.button(t::CLOSE).clicked() {
                out.push(Cmd::Close.into());
            }
        });
        widgets::error_text(ui, err(&self.errors, "status_date"));
        ui.horizontal_wrapped(|ui| {
            if let Some(c) = widgets::path_field(ui, t::FILE_PATH, &mut self.pdf_path, || {
                Ask::save(
                    compose::pdf_file_name(&self.letter, &self.dossier.client.short_name),
                    |p| Cmd::PdfPath(p).into(),
                )
            }) {
                out.push(c);
            }
            if ui
                .add_enabled(
                    !self.pdf_path.trim().is_empty(),
                    egui::Button::new(t::SAVE_PDF),
                )
                .on_disabled_hover_text(crate::words::PATH_FIRST)
                .clicked()
            {
                out.push(Cmd::SavePdf(self.pdf_path.clone()).into());
            }
            if ui.button(t::PRINT).clicked() {
                out.push(Cmd::Print.into());
            }
        });
    }

    fn form_ui(&mut self, ui: &mut Ui, today: NaiveDate) {
        let editable = self.is_draft();
        ui.add_enabled_ui(editable, |ui| {
            form_grid("letter_form_grid").show(ui, |ui| {
                ui.label(t::F_ADDRESSEE_PERSON);
                let people: Vec<(Id, String)> = self
                    .dossier
                    .people
                    .iter()
                    .filter_map(|p| {
                        p.id.map(|id| (id, format!("{} — {}", p.surname, p.position)))
                    })
                    .collect();
                let mut person = self.letter.person_id;
                if widgets::id_combo(
                    ui,
                    "letter_person",
                    t::F_ADDRESSEE_PERSON,
                    &mut person,
                    &people,
                ) {
                    self.set_person(person);
                }
                ui.end_row();
                ui.label(t::F_TEMPLATE);
                ui.horizontal(|ui| {
                    let selected = self
                        .templates
                        .iter()
                        .find(|t| t.code == self.template_code)
                        .map_or("—".to_string(), |t| t.title.clone());
                    let mut chosen = false;
                    egui::ComboBox::from_id_salt("letter_template")
                        .selected_text(selected)
                        .show_ui(ui, |ui| {
                            for tpl in &self.templates {
                                chosen |= ui
                                    .selectable_value(
                                        &mut self.template_code,
                                        tpl.code.clone(),
                                        &tpl.title,
                                    )
                                    .clicked();
                            }
                        })
                        .response
                        .accessible_name(t::F_TEMPLATE);
                    // Choosing a template applies it; the text it replaced can be taken back.
                    if chosen {
                        self.choose_template(today);
                    }
                    if let Some((heading, body)) = &self.replaced
                        && ui.button(t::TAKE_BACK_TEXT).clicked()
                    {
                        self.letter.heading = heading.clone();
                        self.letter.body = body.clone();
                        self.replaced = None;
                    }
                });
                ui.end_row();
                let used = self.template_fields();
                if !used.is_empty() {
                    ui.label(t::TEMPLATE_FIELDS_TITLE);
                    ui.vertical(|ui| {
                        let mut changed = false;
                        ui.horizontal_wrapped(|ui| {
                            for f in &used {
                                let l = ui.label(f.label());
                                let hint = crate::i18n::labels::template_field_hint(*f);
                                changed |= ui
                                    .add(
                                        TextEdit::singleline(self.typed_fields.get_mut(*f))
                                            .hint_text(hint)
                                            .desired_width(110.0),
                                    )
                                    .labelled_by(l.id)
                                    .changed();
                            }
                        });
                        for f in &used {
                            if let Some(e) = self.field_errors.get(f.placeholder()) {
                                ui.label(
                                    RichText::new(format!("{}: {e}", f.label()))
                                        .color(theme::ERROR),
                                );
                            }
                        }
                        let still_template = self.rendered.as_ref().is_some_and(|(h, b)| {
                            *h == self.letter.heading && *b == self.letter.body
                        });
                        if changed && still_template {
                            self.apply_template(today);
                        } else if changed {
                            self.checked_fields();
                        }
                        if !still_template && self.rendered.is_some() {
                            ui.label(
                                RichText::new(t::TEMPLATE_FIELDS_EDITED)
                                    .small()
                                    .color(theme::MUTED),
                            );
                        }
                    });
                    ui.end_row();
                }
                if let Some(e) = &self.template_error {
                    ui.label("");
                    ui.label(RichText::new(e.describe()).color(theme::ERROR));
                    ui.end_row();
                }
                widgets::text_row(ui, t::F_REPLY_NUMBER, &mut self.letter.reply_number, None);
                widgets::date_row(
                    ui,
                    t::F_REPLY_DATE,
                    "reply_date",
                    &mut self.reply_date,
                    err(&self.errors, "reply_date"),
                );
                widgets::text_row(ui, t::F_REPLY_SUBJECT, &mut self.reply_subject, None);
                let l = ui.label(t::F_ADDRESSEE);
                ui.vertical(|ui| {
                    ui.add(
                        TextEdit::multiline(&mut self.letter.addressee)
                            .desired_rows(3)
                            .desired_width(widgets::field_width(ui)),
                    )
                    .labelled_by(l.id);
                    widgets::error_text(ui, err(&self.errors, "addressee"));
                });
                ui.end_row();
                widgets::text_row(ui, t::F_HEADING, &mut self.letter.heading, None);
                widgets::text_row(ui, t::F_SALUTATION, &mut self.letter.salutation, None);
                let l = ui.label(t::F_BODY);
                ui.vertical(|ui| {
                    ui.add(
                        TextEdit::multiline(&mut self.letter.body)
                            .desired_rows(12)
                            .desired_width(widgets::field_width(ui)),
                    )
                    .labelled_by(l.id);
                    ui.label(RichText::new(t::BODY_HINT).small().color(theme::MUTED));
                    widgets::error_text(ui, err(&self.errors, "body"));
                    if let Some(blank) = compose::find_blank(&self.letter) {
                        ui.label(RichText::new(t::letter_blank(&blank)).color(theme::WARNING));
                    }
                });
                ui.end_row();
                widgets::text_row(ui, t::F_ATTACHMENT, &mut self.letter.attachment, None);
                widgets::text_row(ui, t::F_CLOSING, &mut self.letter.closing, None);
                ui.label(t::F_SIGNATURE_MODE);
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.letter.signature_image, true, t::SIGNATURE_IMAGE);
                    ui.radio_value(&mut self.letter.signature_image, false, t::SIGNATURE_INK);
                });
                ui.end_row();
            });
        });
        if !editable {
            ui.label(RichText::new(t::LETTER_FROZEN).small().color(theme::MUTED));
            if self.letter.status >= LetterStatus::Delivered {
                ui.label(t::delivered_info(
                    &fmt::opt_date(self.letter.delivered_at),
                    &self.letter.received_by,
                ));
            }
        }
    }

    /// Draws the pages as the PDF shows them, scaled to the width available.
    fn preview_ui(&mut self, ui: &mut Ui) {
        let Some(doc) = &self.preview else { return };
        let scale = (ui.available_width() - 8.0).max(200.0) / doc.width;
        let serif = theme::serif();
        let serif_bold = theme::serif_bold();
        let mut text_for_readers = String::new();
        for page in &doc.pages {
            let (rect, _) = ui.allocate_exact_size(
                egui::vec2(doc.width * scale, doc.height * scale),
                egui::Sense::hover(),
            );
            if !ui.is_rect_visible(rect) {
                // A page scrolled out of sight is not painted: a 30-page letter stays smooth.
                for item in &page.items {
                    if let Item::Text(run) = item {
                        text_for_readers.push_str(&run.text);
                        text_for_readers.push(' ');
                    }
                }
                ui.add_space(10.0);
                continue;
            }
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 0.0, theme::PAPER);
            painter.rect_stroke(
                rect,
                0.0,
                egui::Stroke::new(1.0, theme::PAGE_EDGE),
                egui::StrokeKind::Inside,
            );
            let at = |x: f32, y: f32| rect.min + egui::vec2(x * scale, y * scale);
            for item in &page.items {
                match item {
                    Item::Text(run) => {
                        text_for_readers.push_str(&run.text);
                        text_for_readers.push(' ');
                        let family = match run.style.weight {
                            pdf::fonts::Weight::Regular => serif.clone(),
                            pdf::fonts::Weight::Bold => serif_bold.clone(),
                        };
                        let font = egui::FontId::new(run.style.size * scale, family);
                        // The baseline sits about 0.8 of the size below the top of the line box.
                        let top = run.y - run.style.size * 0.8;
                        if run.word_spacing == 0.0 {
                            painter.text(
                                at(run.x, top),
                                egui::Align2::LEFT_TOP,
                                &run.text,
                                font,
                                theme::INK,
                            );
                        } else {
                            let mut x = run.x;
                            for word in run.text.split(' ') {
                                painter.text(
                                    at(x, top),
                                    egui::Align2::LEFT_TOP,
                                    word,
                                    font.clone(),
                                    theme::INK,
                                );
                                x +=
                                    run.style.width(word) + run.style.width(" ") + run.word_spacing;
                            }
                        }
                    }
                    Item::Image { x, y, w, h, png } => {
                        let key = std::sync::Arc::as_ptr(png) as usize;
                        if !self.textures.contains_key(&key)
                            && let Some(img) = crate::ui::widgets::decode_png(png)
                        {
                            let tex = ui.ctx().load_texture(
                                format!("letter_img_{key}"),
                                img,
                                egui::TextureOptions::LINEAR,
                            );
                            self.textures.insert(key, tex);
                        }
                        if let Some(tex) = self.textures.get(&key) {
                            let r = egui::Rect::from_min_size(
                                at(*x, *y),
                                egui::vec2(w * scale, h * scale),
                            );
                            painter.image(
                                tex.id(),
                                r,
                                egui::Rect::from_min_max(
                                    egui::pos2(0.0, 0.0),
                                    egui::pos2(1.0, 1.0),
                                ),
                                theme::PAPER,
                            );
                        }
                    }
                    Item::Bar { x, y, w, h, grey } => {
                        let r =
                            egui::Rect::from_min_size(at(*x, *y), egui::vec2(w * scale, h * scale));
                        painter.rect_filled(r, 0.0, theme::paper_grey(*grey));
                    }
                    Item::Rule {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                    } => {
                        painter.line_segment(
                            [at(*x1, *y1), at(*x2, *y2)],
                            egui::Stroke::new((width * scale).max(0.5), theme::INK),
                        );
                    }
                }
            }
            ui.add_space(10.0);
        }
        // Screen readers (and the tests) read the preview as text.
        let r = ui.allocate_response(egui::vec2(1.0, 1.0), egui::Sense::hover());
        let _ = r.accessible_name(format!(
            "{}: {}",
            t::PREVIEW,
            text_for_readers.replace('\u{a0}', " ")
        ));
    }
}

impl Editor for LetterEditor {
    fn is_dirty(&self) -> bool {
        self.is_draft() && self.letter != self.original
    }

    fn shows(&self, route: &Route) -> bool {
        match route {
            Route::Letter(id) => self.letter.id == Some(*id),
            Route::NewLetter(client) => {
                self.letter.id.is_none() && self.letter.client_id == *client
            }
            _ => false,
        }
    }

    /// Saves the draft; on refusal it stays in the editor with its errors.
    fn save(&mut self, cx: &mut Cx) -> bool {
        if !self.check() {
            cx.error(t::SAVE_REFUSED);
            return false;
        }
        match service::save_draft_over(cx.db, &cx.actor(), self.loaded.as_ref(), &self.letter) {
            Ok(id) => {
                self.letter.id = Some(id);
                self.original = self.letter.clone();
                self.loaded = service::open(cx.db, id).ok();
                cx.info(t::SAVED);
                true
            }
            Err(LetterError::Storage(StorageError::ChangedMeanwhile(id))) => {
                let theirs = service::open(cx.db, id);
                let base = self.loaded.as_ref();
                self.stale = stale::refused(cx, base, &self.letter, theirs, fields::letter);
                false
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                false
            }
        }
    }
}
