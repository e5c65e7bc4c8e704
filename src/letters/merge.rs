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
use std::path::{Path, PathBuf};

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

/// How many letters the same merge (template and selection) already registered today.
pub fn sent_today(db: &Db, job: &MergeJob) -> Result<usize, LetterError> {
    let day = db.today().format("%Y-%m-%d").to_string();
    Ok(store::sent_by_same_merges(db.conn(), job, &day)?)
}

/// The values a resumed merge goes on with: those it `began` with, unless `given` differs.
fn resumed_fields(
    given: &TemplateFields,
    began: TemplateFields,
) -> Result<TemplateFields, LetterError> {
    for f in TemplateField::ALL {
        let value = given.get(f).trim();
        if !value.is_empty() && value != began.get(f).trim() {
            let was = began.get(f).trim();
            return Err(LetterError::ResumeFields(
                f,
                if was.is_empty() { "—" } else { was }.to_string(),
            ));
        }
    }
    Ok(began)
}

/// The clients an unfinished merge was started without, and those it has written to.
pub type Unfinished = (Vec<Id>, Vec<Id>);

/// The unfinished merge `job` would resume, if any.
pub fn unfinished(db: &Db, job: &MergeJob) -> Result<Option<Unfinished>, LetterError> {
    Ok(store::open_merge(db.conn(), job)?.map(|open| (open.except, open.done)))
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
    // A resumed merge writes what it began with: the values left out are taken from it, other
    // values are refused.
    if job.resume && !job.combined && !job.except.is_empty() {
        return Err(LetterError::ExceptOnResume);
    }
    let resumed;
    let open = match job.resume && !job.combined {
        true => Some(store::open_merge(db.conn(), job)?.ok_or(LetterError::NothingToResume)?),
        false => None,
    };
    let job = match open.and_then(|o| o.fields) {
        Some(began) => {
            resumed = MergeJob {
                fields: resumed_fields(&job.fields, began)?,
                ..job.clone()
            };
            &resumed
        }
        _ => job,
    };
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
    let asked = crate::domain::clock::stamp(job.asked_at.unwrap_or_else(|| db.clock().utc()));
    let rows = clients_service::list(db.conn())?;
    if job.combined {
        let ids = chosen(actor, job, &rows, &job.except);
        if ids.is_empty() {
            return Err(LetterError::EmptySelection);
        }
        files::create_dir(&job.out_dir)?;
        settle_parts(db, &job.out_dir)?;
        return combined(db, actor, job, &template, &ids, progress, cancel);
    }
    if job.resume && !job.except.is_empty() {
        return Err(LetterError::ExceptOnResume);
    }
    if !job.resume {
        // Whom to leave out is named among the selection (a typo leaves out nobody silently).
        let all = selected_clients(actor, &job.selection, &rows);
        if let Some(id) = job.except.iter().find(|id| !all.contains(id)) {
            return Err(LetterError::NotInSelection(*id));
        }
        if chosen(actor, job, &rows, &job.except).is_empty() {
            return Err(LetterError::EmptySelection);
        }
    }
    files::create_dir(&job.out_dir)?;
    // The merge claimed inside the write: of two runs started together, the second finds the
    // first's merge unfinished and is refused (or, resuming, shares what is left with it).
    let (merge_id, ids, done) = db.write(actor, |w| -> Result<_, LetterError> {
        let open = store::open_merge(w, job)?;
        match (open, job.resume) {
            (Some(open), true) => {
                let ids = chosen(actor, job, &rows, &open.except);
                Ok((open.id, ids, open.done))
            }
            (Some(open), false) => Err(LetterError::MergeUnfinished {
                done: open.done.len(),
                total: open.total,
            }),
            (None, true) => Err(LetterError::NothingToResume),
            (None, false) => {
                if let Some(at) = store::same_merge_since(w, job, &asked)? {
                    return Err(LetterError::MergeTwice(at));
                }
                let ids = chosen(actor, job, &rows, &job.except);
                if ids.is_empty() {
                    return Err(LetterError::EmptySelection);
                }
                Ok((store::begin_merge(w, job, ids.len())?, ids, Vec::new()))
            }
        }
    })?;
    if ids.is_empty() {
        return Err(LetterError::EmptySelection);
    }
    settle_parts(db, &job.out_dir)?;
    let names: std::collections::HashMap<Id, &str> =
        rows.iter().map(|r| (r.id, r.short_name.as_str())).collect();
    let mut report = MergeReport::default();
    let todo: Vec<Id> = ids
        .iter()
        .copied()
        .filter(|id| !done.contains(id))
        .collect();
    report.already = ids.len() - todo.len();
    // The file the merge writes to: one put in its place meanwhile (renamed over, restored)
    // stops it before a letter goes into another database.
    let file = db.path().and_then(files::file_id);
    for (k, client_id) in todo.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            report.not_done = todo.len() - k;
            break;
        }
        match one_letter(db, actor, &template, *client_id, merge_id, job, file) {
            Ok(Made::Letter(id, path)) => {
                report.letters.push(id);
                report.files.push(path);
            }
            Ok(Made::NoAddressee) => {
                let name = names.get(client_id).copied().unwrap_or_default();
                report
                    .skipped
                    .push((name.to_string(), SkipReason::NoAddressee));
            }
            // Another run of the same merge wrote this one.
            Ok(Made::Taken) => report.already += 1,
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
        progress(
            report.already + report.letters.len() + report.skipped.len(),
            ids.len(),
        );
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

/// The clients of the job's selection `actor` writes to (a manager their own), but those left
/// out.
fn chosen(actor: &Actor, job: &MergeJob, rows: &[ClientRow], except: &[Id]) -> Vec<Id> {
    selected_clients(actor, &job.selection, rows)
        .into_iter()
        .filter(|id| !except.contains(id))
        .collect()
}

/// What became of one client of a merge.
enum Made {
    /// Registered, its PDF in place.
    Letter(Id, PathBuf),
    /// The dossier has nobody to address.
    NoAddressee,
    /// Another run of the same merge has already written to this client.
    Taken,
}

/// One client's letter: drafted and registered in one transaction, its PDF written in it under
/// a hidden name (see [`part_path`]) and put in place only after the commit, so a kill never
/// leaves a numbered PDF of a letter that was not registered. The client is claimed inside the
/// write: a letter of this merge already there (another run's) is not made again.
fn one_letter(
    db: &mut Db,
    actor: &Actor,
    template: &Template,
    client_id: Id,
    merge_id: Id,
    job: &MergeJob,
    file: Option<(u64, u64)>,
) -> Result<Made, LetterError> {
    let (out_dir, fields) = (&job.out_dir, &job.fields);
    // Not begun, nor committed, in a database put in the file's place meanwhile.
    let replaced = |db: &Db| match db.path() {
        Some(p) if files::file_id(p) != file => Some(p.to_path_buf()),
        _ => None,
    };
    if let Some(p) = replaced(db) {
        return Err(crate::storage::StorageError::Replaced(p).into());
    }
    let d = clients_service::open(db.conn(), client_id)?;
    let Some(person) = main_addressee(&d) else {
        return Ok(Made::NoAddressee);
    };
    let made = db.all_or_nothing(|db| {
        if store::merge_wrote_to(db.conn(), merge_id, client_id)? {
            return Ok(None);
        }
        let (id, letter) =
            register_one(db, actor, template, client_id, person.id, merge_id, fields)?;
        let path = out_dir.join(pdf_file_name(&letter, &d.client.short_name));
        let doc = service::document(db.conn(), &letter, db.today())?;
        let part = part_path(&path, &letter.uuid);
        files::write(&part, &pdf::render_pdf(&doc)?)?;
        crate::storage::failpoint("merge-file-written");
        if let Some(p) = replaced(db) {
            let _ = std::fs::remove_file(&part);
            return Err(crate::storage::StorageError::Replaced(p).into());
        }
        Ok::<_, LetterError>(Some((id, letter, path, part)))
    })?;
    let Some((id, letter, path, part)) = made else {
        return Ok(Made::Taken);
    };
    crate::storage::failpoint("merge-committed");
    put_in_place(db, &letter, &part, &path)?;
    Ok(Made::Letter(id, path))
}

/// Where a merge's file waits for its registration to commit: hidden beside its final name,
/// with the uuid of what it belongs to (the letter; for a combined file, the merge).
fn part_path(path: &Path, uuid: &str) -> PathBuf {
    path.with_file_name(format!(".{}.{uuid}{PART}", files::file_name(path)))
}

const PART: &str = ".part";

/// A registered letter's file put in place after the commit; when its part is gone (another
/// run settled it), the file is made again from the stored letter.
fn put_in_place(db: &Db, letter: &Letter, part: &Path, path: &Path) -> Result<(), LetterError> {
    if std::fs::rename(part, path).is_ok() {
        files::sync_dir(path);
        return Ok(());
    }
    let doc = service::document(db.conn(), letter, db.today())?;
    files::write(path, &pdf::render_pdf(&doc)?)?;
    Ok(())
}

/// Settles what a killed merge left in `dir`: a part whose letter (or combined merge) was
/// registered is put in place under its name; any other part, whose number was never
/// registered and may since have gone to another client, is removed. Returns how many were
/// put in place.
fn settle_parts(db: &Db, dir: &Path) -> Result<usize, LetterError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut placed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_prefix('.').and_then(|n| n.strip_suffix(PART)) else {
            continue;
        };
        let Some((final_name, uuid)) = stem.rsplit_once('.') else {
            continue;
        };
        let part = entry.path();
        if store::registered_uuid(db.conn(), uuid)? {
            let path = dir.join(final_name);
            if std::fs::rename(&part, &path).is_ok() {
                placed += 1;
                log::info!("a merge's file put in place after a stop");
            }
        } else {
            let _ = std::fs::remove_file(&part);
            log::info!("a merge's file of a letter never registered removed");
        }
    }
    files::sync_dir(&dir.join("."));
    Ok(placed)
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
            let doc = service::document(db.conn(), &letter, db.today())?;
            let mark = words::merge_bookmark(&letter.number, &d.client.short_name);
            match &mut all {
                Some(all) => {
                    all.bookmarks.push((all.pages.len(), mark));
                    all.pages.extend(doc.pages);
                }
                None => {
                    let mut doc = doc;
                    doc.bookmarks.push((0, mark));
                    all = Some(doc);
                }
            }
            progress(k + 1, ids.len());
        }
        if let Some(mut doc) = all {
            // The file is the merge's, not its first letter's: the template, the company, the
            // numbers it holds.
            let company = crate::admin::service::company(db.conn())?;
            doc.meta.title = template.title.clone();
            doc.meta.author = if company.short_name.trim().is_empty() {
                company.name.clone()
            } else {
                company.short_name.clone()
            };
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
            doc.meta.subject = words::merge_subject(report.letters.len(), &first, &last);
            doc.meta.date = today;
            let path = job.out_dir.join(super::compose::merge_file_name(
                &template.code,
                today,
                &first,
                &last,
            ));
            let uuid = store::merge_uuid(db.conn(), merge_id)?;
            files::write(&part_path(&path, &uuid), &pdf::render_pdf(&doc)?)?;
            report.files.push(path);
        }
        db.write(actor, |w| store::finish_merge(w, merge_id))?;
        Ok((report, merge_id))
    })
    .and_then(|(report, merge_id)| {
        // Registered: the file put in place (a kill before this leaves its part, which the
        // next merge into the folder puts in place).
        if let Some(path) = report.files.first() {
            let uuid = store::merge_uuid(db.conn(), merge_id)?;
            std::fs::rename(part_path(path, &uuid), path).map_err(|source| {
                files::FileError::Write {
                    path: path.clone(),
                    source,
                }
            })?;
            files::sync_dir(path);
        }
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
