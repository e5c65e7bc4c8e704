//! The mail merge: one template to a selection of clients, a registered letter per client
//! addressed to its leader, written as separate PDFs (or one combined PDF) into a folder.

use std::sync::atomic::{AtomicBool, Ordering};

use super::compose::{main_addressee, pdf_file_name};
use super::model::*;
use super::service::{self, LetterError};
use super::store;
use crate::clients::{ClientRow, store as clients_store};
use crate::domain::{Actor, Id, fmt};
use crate::files;
use crate::pdf::{self, Document};
use crate::storage::Db;
use crate::words::letters as words;

/// The clients of a selection, in the list's order.
pub fn selected_clients(selection: &Selection, rows: &[ClientRow]) -> Vec<Id> {
    rows.iter()
        .filter(|r| match selection {
            Selection::All => true,
            Selection::Manager(m) => r.manager_id == Some(*m),
            Selection::District(d) => fmt::search_key(&r.district) == fmt::search_key(d),
        })
        .map(|r| r.id)
        .collect()
}

/// Runs a merge dated today by the database's clock. `progress(done, total)` is called after
/// each client; `cancel` stops between clients (what is done stays done).
pub fn merge(
    db: &mut Db,
    actor: &Actor,
    job: &MergeJob,
    progress: &dyn Fn(usize, usize),
    cancel: &AtomicBool,
) -> Result<MergeReport, LetterError> {
    let today = db.today();
    let template = store::get_template(db.conn(), &job.template_code)?
        .ok_or_else(|| LetterError::UnknownTemplate(job.template_code.clone()))?;
    // A broken template stops the merge before any letter is made.
    super::template::check_template(&template.heading, &template.body)?;
    files::create_dir(&job.out_dir)?;
    let rows = clients_store::list_clients(db.conn())?;
    let ids = selected_clients(&job.selection, &rows);
    let mut report = MergeReport::default();
    let mut combined: Option<Document> = None;
    for (k, client_id) in ids.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            break;
        }
        let d = clients_store::load_dossier(db.conn(), *client_id)?;
        let Some(person) = main_addressee(&d) else {
            report
                .skipped
                .push((d.client.short_name.clone(), SkipReason::NoAddressee));
            progress(k + 1, ids.len());
            continue;
        };
        let draft = service::draft_for(
            db,
            *client_id,
            person.id,
            &template,
            None,
            &Reply::default(),
            today,
        )?;
        let id = service::save_draft(db, actor, &draft)?;
        let letter = service::register(db, actor, id)?;
        report.letters.push(id);
        let doc = service::document(db.conn(), &letter)?;
        if job.combined {
            match &mut combined {
                Some(all) => all.pages.extend(doc.pages),
                None => combined = Some(doc),
            }
        } else {
            let path = job.out_dir.join(pdf_file_name(&letter));
            files::write(&path, &pdf::render_pdf(&doc)?)?;
            report.files.push(path);
        }
        progress(k + 1, ids.len());
    }
    if let Some(mut doc) = combined {
        doc.meta.title = template.title.clone();
        let path = job
            .out_dir
            .join(words::merge_file_name(&template.code, today));
        files::write(&path, &pdf::render_pdf(&doc)?)?;
        report.files.push(path);
    }
    log::info!(
        "mail merge made {} letters, skipped {}",
        report.letters.len(),
        report.skipped.len()
    );
    Ok(report)
}
