//! «Контакты и хронология»: the client's own rhythm, the state of calls and meetings, and the timeline.

use super::*;

impl DossierEditor {
    pub(super) fn contacts_ui(&mut self, ui: &mut Ui, today: NaiveDate, out: &mut Vec<Command>) {
        // The rhythm is checked as it is typed: a value out of range is refused beside its
        // field at once, and the state below counts with the saved rhythm, never the typed one.
        let live = self.draft.client.rhythm();
        let live_errors = live.as_ref().err().cloned().unwrap_or_default();
        let e = &self.errors;
        let c = &mut self.draft.client;
        form_grid("rhythm").show(ui, |ui| {
            for (label, key, value) in [
                (t::F_CALL_EVERY, "call_every_days", &mut c.call_every_days),
                (
                    t::F_MEETING_EVERY,
                    "meeting_every_months",
                    &mut c.meeting_every_months,
                ),
            ] {
                text_row(ui, label, value, live_errors.get(key).or(err(e, key)));
            }
        });
        ui.label(RichText::new(t::RHYTHM_HINT).small().color(theme::MUTED));
        let saved = self.contacts.as_ref().map(|c| c.rhythm).unwrap_or_default();
        let (calls, months) = match live {
            Ok((calls, months)) => (
                calls.unwrap_or(Rhythm::default().call_every_days),
                months.unwrap_or(Rhythm::default().meeting_every_months),
            ),
            Err(_) => {
                ui.label(RichText::new(t::RHYTHM_INVALID).small().color(theme::ERROR));
                (saved.call_every_days, saved.meeting_every_months)
            }
        };
        if let (Some(id), Some(state)) = (self.draft.client.id, &self.contacts) {
            let (last_call, last_meeting) = (state.last_call, state.last_meeting);
            let call = call_due(last_call, calls, state.start, today);
            let meeting = meeting_due(last_meeting, months, state.start, today);
            for (kind, label, last, due) in [
                (MeetingKind::Call, t::TODAY_CALLS, last_call, call),
                (
                    MeetingKind::Meeting,
                    t::TODAY_MEETINGS,
                    last_meeting,
                    meeting,
                ),
            ] {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(label).strong());
                    let text = t::contact_state(
                        &fmt::opt_date(last),
                        &fmt::date(due.due),
                        &t::overdue(due.overdue_days),
                    );
                    ui.label(RichText::new(text).color(if due.overdue_days > 0 {
                        theme::ERROR
                    } else {
                        theme::MUTED
                    }));
                    let button = if kind == MeetingKind::Call {
                        t::RECORD_CALL
                    } else {
                        t::RECORD_MEETING
                    };
                    if ui.button(button).clicked() {
                        out.push(Command::Open(Route::NewReport(id, kind)));
                    }
                });
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(RichText::new(t::TIMELINE).strong());
            if !self.timeline.is_empty()
                && ui
                    .small_button(t::TO_EXCEL)
                    .on_hover_text(t::TO_EXCEL_HINT)
                    .clicked()
            {
                out.push(Command::AskPath(Ask::save(t::TIMELINE_XLSX_NAME, |p| {
                    Cmd::ExportTimeline(p).into()
                })));
            }
        });
        if self.timeline.is_empty() {
            ui.label(RichText::new(t::TIMELINE_EMPTY).color(theme::MUTED));
        }
        egui::Grid::new("timeline")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for ev in &self.timeline {
                    ui.label(fmt::date(ev.date));
                    ui.label(RichText::new(ev.kind.label()).color(theme::ACCENT));
                    // A long title is cut at 90 characters and read whole on hover.
                    let title = ev.title.chars().take(90).collect::<String>();
                    let cut = title.len() < ev.title.len();
                    let target = match ev.link {
                        Link::Meeting(id) => Some(Route::Report(id)),
                        Link::Letter(id) => Some(Route::Letter(id)),
                        Link::Appeal(id) => Some(Route::Appeal(id)),
                        Link::None => None,
                    };
                    let shown = if cut { format!("{title}…") } else { title };
                    let r = match target {
                        Some(_) => ui.link(shown),
                        None => ui.label(shown),
                    };
                    let r = if cut { r.on_hover_text(&ev.title) } else { r };
                    if let Some(route) = target
                        && r.clicked()
                    {
                        out.push(Command::Open(route));
                    }
                    // The detail on one line up to the window's edge, whole on hover.
                    crate::ui::widgets::cell(
                        ui,
                        RichText::new(event_detail(&ev.detail))
                            .small()
                            .color(theme::MUTED),
                    );
                    ui.end_row();
                }
            });
    }

    /// The events shown in «Контакты», as the Excel export writes them.
    pub fn timeline_rows(&self) -> Vec<Vec<String>> {
        self.timeline
            .iter()
            .map(|ev| {
                vec![
                    fmt::date(ev.date),
                    ev.kind.label().to_string(),
                    ev.title.clone(),
                    event_detail(&ev.detail),
                ]
            })
            .collect()
    }
}
