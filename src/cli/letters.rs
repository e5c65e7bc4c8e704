//! `letter render`, `letter list`, `letter merge`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place};
use crate::domain::{Code, fmt};
use crate::files;
use crate::i18n::{self as t, Label};
use crate::letters::{
    LetterFilter, MergeJob, Selection, TemplateField, TemplateFields, merge, service,
};

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// Write a letter's PDF (a draft shows blanks for its number and date).
    Render {
        #[arg(long)]
        id: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Send a letter's PDF to the printer (Windows: the «print» verb of the PDF program).
    Print {
        #[arg(long)]
        id: i64,
    },
    /// «Реестр передачи курьеру»: the letters handed to the courier on DATE, as a PDF.
    CourierSheet {
        /// The day of the handover, YYYY-MM-DD.
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        date: chrono::NaiveDate,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The outgoing register (with --json: one JSON object per line).
    List {
        #[arg(long)]
        json: bool,
    },
    /// One template to many clients: a registered letter per client, PDFs into a folder.
    Merge {
        /// The template code, e.g. tariff_change.
        #[arg(long)]
        template: String,
        /// all | manager:ID | district:NAME
        #[arg(long)]
        clients: String,
        /// Clients of the selection to leave out, by id: --except 12,57.
        #[arg(long, value_name = "ID,ID", value_delimiter = ',')]
        except: Vec<crate::domain::Id>,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// One combined PDF instead of a file per letter.
        #[arg(long)]
        combined: bool,
        /// Continue the unfinished merge of this template to these clients (only the clients
        /// without their letter yet).
        #[arg(long)]
        resume: bool,
        /// The date the template asks for ({{ fields.date }}), e.g. 01.01.2027.
        #[arg(long)]
        date: Option<String>,
        /// The time the template asks for ({{ fields.time }}), e.g. 10:00.
        #[arg(long)]
        time: Option<String>,
        /// The amount the template asks for ({{ fields.amount }}), e.g. 1234,50.
        #[arg(long)]
        amount: Option<String>,
        /// The service the template offers ({{ fields.service }}).
        #[arg(long)]
        service: Option<String>,
    },
}

/// The letter `id` as a PDF at `file` (a draft, or a registered letter's stored copy).
pub(super) fn write_letter(
    db: &crate::storage::Db,
    id: crate::domain::Id,
    file: &std::path::Path,
    out: &mut Out,
) -> anyhow::Result<()> {
    let letter = service::open(db, id).map_err(t::err)?;
    let bytes = service::pdf(db.conn(), &letter, db.today()).map_err(t::err)?;
    files::write(file, &bytes).map_err(t::err)?;
    out.line(t::letter_written(&file.display().to_string()))?;
    Ok(())
}

pub fn letter(place: &Place, command: LetterCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    match command {
        LetterCommand::Render { id, out: file } => {
            let (db, _) = place.reader()?;
            write_letter(&db, id, &file, out)?;
        }
        LetterCommand::Print { id } => {
            let (db, _) = place.reader()?;
            let letter = service::open(&db, id).map_err(t::err)?;
            let printed = service::print_stored(db.conn(), &letter, db.today()).map_err(t::err)?;
            out.line(t::printed(printed))?;
        }
        LetterCommand::CourierSheet { date, out: file } => {
            let (db, _) = place.reader()?;
            let n = service::courier_sheet_of_day(&db, date, &file).map_err(t::err)?;
            out.line(t::courier_sheet_written(n, &file.display().to_string()))?;
        }
        LetterCommand::List { json } => {
            let (db, _) = place.reader()?;
            let rows = service::list(&db, &LetterFilter::default()).map_err(t::err)?;
            out.lines(rows.iter().map(|r| {
                let l = &r.letter;
                if json {
                    serde_json::json!({
                        "id": l.id,
                        "number": l.number,
                        "date": l.reg_date.map(fmt::date),
                        "status": l.status.code(),
                        "client_id": l.client_id,
                        "client": r.client,
                        "heading": l.heading,
                        "template": l.template_code,
                        "version_of": l.version_of,
                        "number_from_block": r.number_from_block,
                    })
                    .to_string()
                } else {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        l.id.unwrap_or_default(),
                        if l.number.is_empty() {
                            "—".to_string()
                        } else if r.number_from_block {
                            t::number_from_block(&l.number)
                        } else {
                            l.number.clone()
                        },
                        l.reg_date.map(fmt::date).unwrap_or_default(),
                        l.status.label(),
                        r.client,
                        l.heading
                    )
                }
            }))?;
        }
        LetterCommand::Merge {
            template,
            clients,
            except,
            out: dir,
            combined,
            resume,
            date,
            time,
            amount,
            service,
        } => {
            let selection =
                Selection::parse(&clients).ok_or_else(|| anyhow::anyhow!(t::BAD_SELECTION))?;
            let mut fields = TemplateFields::default();
            for (field, value) in [
                (TemplateField::Date, date),
                (TemplateField::Time, time),
                (TemplateField::Amount, amount),
                (TemplateField::Service, service),
            ] {
                if let Some(value) = value {
                    *fields.get_mut(field) = field.normalise(&value).map_err(|e| {
                        anyhow::anyhow!(t::bad_template_field(field.label(), &t::describe(&e)))
                    })?;
                }
            }
            let mut db = place.open()?;
            let actor = place.actor(&mut db)?;
            let job = MergeJob {
                template_code: template,
                selection,
                out_dir: dir,
                combined,
                resume,
                fields,
                except,
                asked_at: Some(crate::domain::clock::process_started()),
            };
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let report =
                merge::merge(&mut db, &actor, &job, &|_, _| {}, &cancel).map_err(t::err)?;
            for (client, reason) in &report.skipped {
                eprintln!("{}", t::merge_skipped(client, &t::describe(reason)));
            }
            out.line(t::merge_summary(
                report.letters.len(),
                report.files.len(),
                report.skipped.len(),
            ))?;
            if report.already > 0 {
                out.line(t::merge_already(report.already))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
