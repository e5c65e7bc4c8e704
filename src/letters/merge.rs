//! The mail merge: one template to a selection of clients, a registered letter per client
//! addressed to its leader, written as separate PDFs (or one combined PDF) into a folder.

use std::sync::atomic::{AtomicBool, Ordering};

use super::compose::{main_addressee, pdf_file_name};
use super::model::*;
use super::service::{self, LetterError};
use super::store;
use crate::clients::{ClientRow, service as clients_service};
use crate::domain::{Actor, Id, fmt};
use crate::files;
use crate::pdf::{self, Document};
use crate::storage::Db;
use crate::words::letters as words;

/// The clients of a selection that `actor` writes to (a manager their own, the head and the
/// program everyone's), in the list's order.
pub fn selected_clients(actor: &Actor, selection: &Selection, rows: &[ClientRow]) -> Vec<Id> {
    rows.iter()
        .filter(|r| actor.may_act_for(r.manager_id).is_ok())
        .filter(|r| match selection {
            Selection::All => true,
            Selection::Manager(m) => r.manager_id == Some(*m),
            Selection::District(d) => fmt::search_key(&r.district) == fmt::search_key(d),
        })
        .map(|r| r.id)
        .collect()
}

/// Who a merge to `selection` would write to: every selected client, in the list's order, with
/// the addressee's name (`None`: the dossier has nobody to address, no letter is made).
pub fn recipients(
    db: &Db,
    actor: &Actor,
    selection: &Selection,
) -> Result<Vec<Recipient>, LetterError> {
    let rows = clients_service::list(db.conn())?;
    let names: std::collections::HashMap<Id, &str> =
        rows.iter().map(|r| (r.id, r.short_name.as_str())).collect();
    selected_clients(actor, selection, &rows)
        .into_iter()
        .map(|id| {
            let d = clients_service::open(db.conn(), id)?;
            Ok(Recipient {
                client_id: id,
                client: names.get(&id).copied().unwrap_or_default().to_string(),
                addressee: main_addressee(&d).map(super::compose::courier_addressee),
                address: if d.client.postal_address.is_empty() {
                    d.client.legal_address.clone()
                } else {
                    d.client.postal_address.clone()
                },
            })
        })
        .collect()
}

/// The clients the unfinished merge `job` would resume was started without (none when there
/// is no such merge).
pub fn left_out(db: &Db, job: &MergeJob) -> Result<Vec<Id>, LetterError> {
    Ok(store::open_merge(db.conn(), job)?
        .map(|open| open.except)
        .unwrap_or_default())
}

/// Runs a merge dated today by the database's clock. `progress(done, total)` is called after
/// each client; `cancel` stops between clients.
///
/// Each letter is registered and its PDF written in one transaction: the file is written before
/// the registration commits, so a full disk, a locked file or a kill leaves neither a numbered
/// letter without its PDF nor a numberless draft. A failure stops the merge
/// ([`LetterError::MergeStopped`], with what was done); what is done stays done, and the same
/// merge with `resume` continues with the clients still without a letter. A combined PDF is all
/// or nothing: its letters are registered only once the file is written.
pub fn merge(
    db: &mut Db,
    actor: &Actor,
    job: &MergeJob,
    progress: &dyn Fn(usize, usize),
    cancel: &AtomicBool,
) -> Result<MergeReport, LetterError> {
    let template = store::get_template(db.conn(), &job.template_code)?
        .ok_or_else(|| LetterError::UnknownTemplate(job.template_code.clone()))?;
    // A broken template, an empty one, one that answers an appeal (a merge has none), or one
    // whose fields are not filled in, stops the merge before any letter is made.
    super::template::check_template(&template.heading, &template.body)?;
    if template.body.trim().is_empty() {
        return Err(LetterError::EmptyTemplate);
    }
    if super::template::needs_appeal(&template.heading, &template.body) {
        return Err(LetterError::NeedsAppeal);
    }
    for f in super::template::fields_used(&template.heading, &template.body) {
        if job.fields.get(f).trim().is_empty() {
            return Err(LetterError::FieldMissing(f));
        }
    }
    let ctx = TemplateContext {
        fields: job.fields.or_blanks(),
        ..TemplateContext::default()
    };
    for text in [&template.heading, &template.body] {
        let rendered = super::template::render_template(text, &ctx)?;
        if let Some(blank) = super::compose::blank_in(&rendered) {
            return Err(LetterError::Blank(blank));
        }
    }
    let rows = clients_service::list(db.conn())?;
    let open = store::open_merge(db.conn(), job)?;
    // A resumed merge leaves out whom it was started without.
    let except = match (&open, job.resume) {
        (Some(open), true) => &open.except,
        _ => &job.except,
    };
    // A manager writes to their own clients only (the head and the program to everyone's).
    let ids: Vec<Id> = selected_clients(actor, &job.selection, &rows)
        .into_iter()
        .filter(|id| !except.contains(id))
        .collect();
    if ids.is_empty() {
        return Err(LetterError::EmptySelection);
    }
    let (merge_id, done) = match (open, job.resume) {
        (Some(open), true) => (Some(open.id), open.done),
        (Some(open), false) => {
            return Err(LetterError::MergeUnfinished {
                done: open.done.len(),
                total: open.total,
            });
        }
        (None, true) => return Err(LetterError::NothingToResume),
        (None, false) => (None, Vec::new()),
    };
    files::create_dir(&job.out_dir)?;
    if job.combined {
        return combined(db, actor, job, &template, &ids, progress, cancel);
    }
    let merge_id = match merge_id {
        Some(id) => id,
        None => db.write(actor, |w| store::begin_merge(w, job, ids.len()))?,
    };
    let names: std::collections::HashMap<Id, &str> =
        rows.iter().map(|r| (r.id, r.short_name.as_str())).collect();
    let mut report = MergeReport::default();
    let todo: Vec<Id> = ids
        .iter()
        .copied()
        .filter(|id| !done.contains(id))
        .collect();
    report.already = ids.len() - todo.len();
    for (k, client_id) in todo.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            report.not_done = todo.len() - k;
            break;
        }
        match one_letter(
            db,
            actor,
            &template,
            *client_id,
            merge_id,
            &job.out_dir,
            &job.fields,
        ) {
            Ok(Some((id, path))) => {
                report.letters.push(id);
                report.files.push(path);
            }
            Ok(None) => {
                let name = names.get(client_id).copied().unwrap_or_default();
                report
                    .skipped
                    .push((name.to_string(), SkipReason::NoAddressee));
            }
            Err(cause) => {
                report.not_done = todo.len() - k;
                log::warn!("mail merge {merge_id} stopped at client {client_id}");
                return Err(LetterError::MergeStopped {
                    client: names
                        .get(client_id)
                        .copied()
                        .unwrap_or_default()
                        .to_string(),
                    report: Box::new(report),
                    cause: Box::new(cause),
                });
            }
        }
        progress(report.already + k + 1, ids.len());
    }
    if !report.cancelled {
        db.write(actor, |w| store::finish_merge(w, merge_id))?;
    }
    log::info!(
        "mail merge {merge_id} made {} letters, skipped {}",
        report.letters.len(),
        report.skipped.len()
    );
    Ok(report)
}

/// One client's letter: drafted, registered, its PDF written — in one transaction. `None` when
/// the dossier has nobody to address.
fn one_letter(
    db: &mut Db,
    actor: &Actor,
    template: &Template,
    client_id: Id,
    merge_id: Id,
    out_dir: &std::path::Path,
    fields: &TemplateFields,
) -> Result<Option<(Id, std::path::PathBuf)>, LetterError> {
    let d = clients_service::open(db.conn(), client_id)?;
    let Some(person) = main_addressee(&d) else {
        return Ok(None);
    };
    db.all_or_nothing(|db| {
        let (id, letter) =
            register_one(db, actor, template, client_id, person.id, merge_id, fields)?;
        let path = out_dir.join(pdf_file_name(&letter, &d.client.short_name));
        let doc = service::document(db.conn(), &letter)?;
        files::write(&path, &pdf::render_pdf(&doc)?)?;
        Ok(Some((id, path)))
    })
}

/// Drafts and registers one client's letter of a merge (inside the caller's transaction).
fn register_one(
    db: &mut Db,
    actor: &Actor,
    template: &Template,
    client_id: Id,
    person_id: Option<Id>,
    merge_id: Id,
    fields: &TemplateFields,
) -> Result<(Id, Letter), LetterError> {
    let today = db.today();
    let draft = service::draft_for(
        db,
        client_id,
        person_id,
        template,
        None,
        &Reply {
            fields: fields.clone(),
            ..Reply::default()
        },
        today,
    )?;
    let id = service::save_draft(db, actor, &draft)?;
    db.write(actor, |w| store::set_letter_merge(w, id, merge_id))?;
    let letter = service::register(db, actor, id)?;
    Ok((id, letter))
}

/// The combined PDF: every letter registered and the file written in one transaction.
fn combined(
    db: &mut Db,
    actor: &Actor,
    job: &MergeJob,
    template: &Template,
    ids: &[Id],
    progress: &dyn Fn(usize, usize),
    cancel: &AtomicBool,
) -> Result<MergeReport, LetterError> {
    let today = db.today();
    db.all_or_nothing(|db| {
        let merge_id = db.write(actor, |w| store::begin_merge(w, job, ids.len()))?;
        let mut report = MergeReport::default();
        let mut all: Option<Document> = None;
        for (k, client_id) in ids.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                // Nothing of a combined merge stays when it is stopped.
                return Err(LetterError::Cancelled);
            }
            let d = clients_service::open(db.conn(), *client_id)?;
            let Some(person) = main_addressee(&d) else {
                report
                    .skipped
                    .push((d.client.short_name.clone(), SkipReason::NoAddressee));
                progress(k + 1, ids.len());
                continue;
            };
            let (id, letter) = register_one(
                db,
                actor,
                template,
                *client_id,
                person.id,
                merge_id,
                &job.fields,
            )?;
            report.letters.push(id);
            let doc = service::document(db.conn(), &letter)?;
            match &mut all {
                Some(all) => all.pages.extend(doc.pages),
                None => all = Some(doc),
            }
            progress(k + 1, ids.len());
        }
        if let Some(mut doc) = all {
            doc.meta.title = template.title.clone();
            // The numbers in the name: a second merge of the day never writes over the first.
            let numbers = |k: usize| {
                report
                    .letters
                    .get(k)
                    .and_then(|id| store::get_letter(db.conn(), *id).ok())
                    .map(|l| l.number)
                    .unwrap_or_default()
            };
            let (first, last) = (numbers(0), numbers(report.letters.len().saturating_sub(1)));
            let path = job.out_dir.join(words::merge_file_name(
                &template.code,
                today,
                &super::compose::safe_file_part(&first),
                &super::compose::safe_file_part(&last),
            ));
            files::write(&path, &pdf::render_pdf(&doc)?)?;
            report.files.push(path);
        }
        db.write(actor, |w| store::finish_merge(w, merge_id))?;
        Ok(report)
    })
    .or_else(|e| match e {
        LetterError::Cancelled => {
            log::info!("combined mail merge cancelled: nothing registered");
            Ok(MergeReport {
                cancelled: true,
                not_done: ids.len(),
                ..MergeReport::default()
            })
        }
        e => Err(e),
    })
}
