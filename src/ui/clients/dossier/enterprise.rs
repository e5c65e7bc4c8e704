//! «Предприятие»: names, kind, requisites with their checksums, addresses, the district office, the industry, the contract, the personal manager.

use super::*;

impl DossierEditor {
    pub(super) fn enterprise_ui(
        &mut self,
        ui: &mut Ui,
        catalogs: &Catalogs,
        managers: &[Manager],
        today: NaiveDate,
    ) {
        let e = &self.errors;
        let c = &mut self.draft.client;
        form_grid("enterprise").show(ui, |ui| {
            text_row(ui, t::F_SHORT_NAME, &mut c.short_name, err(e, "short_name"));
            text_row(ui, t::F_FULL_NAME, &mut c.full_name, err(e, "full_name"));
            ui.label(t::F_KIND);
            ui.vertical(|ui| {
                for k in ClientKind::ALL.iter().copied() {
                    ui.radio_value(&mut c.kind, k, k.label());
                }
            });
            ui.end_row();
            text_row(ui, t::F_INN, &mut c.inn, err(e, "inn"));
            if c.kind == ClientKind::Legal {
                text_row(ui, t::F_KPP, &mut c.kpp, err(e, "kpp"));
            }
            if c.kind != ClientKind::Individual {
                let label = if c.kind == ClientKind::Legal {
                    t::F_OGRN
                } else {
                    t::F_OGRNIP
                };
                text_row(ui, label, &mut c.ogrn, err(e, "ogrn"));
            }
            text_row(
                ui,
                t::F_LEGAL_ADDRESS,
                &mut c.legal_address,
                err(e, "legal_address"),
            );
            text_row(
                ui,
                t::F_POSTAL_ADDRESS,
                &mut c.postal_address,
                err(e, "postal_address"),
            );
            let districts: Vec<(Id, String)> = catalogs
                .districts
                .iter()
                .map(|d| (d.id, d.name.clone()))
                .collect();
            combo_row(
                ui,
                t::F_DISTRICT,
                &mut c.district_id,
                &districts,
                err(e, "district"),
            );
            let industries: Vec<(Id, String)> = catalogs
                .industries
                .iter()
                .map(|d| (d.id, d.name.clone()))
                .collect();
            combo_row(
                ui,
                t::F_INDUSTRY,
                &mut c.industry_id,
                &industries,
                err(e, "industry"),
            );
            if let Some(ind) = catalogs.industry(c.industry_id) {
                ui.label("");
                let next = crate::domain::holidays::next_holiday(&ind.holiday_rule, today)
                    .map(fmt::date)
                    .unwrap_or_default();
                let rule = crate::i18n::labels::holiday_rule_words(&ind.holiday_rule);
                ui.add(
                    egui::Label::new(
                        RichText::new(t::professional_holiday(&ind.holiday_name, &rule, &next))
                            .small()
                            .color(theme::MUTED),
                    )
                    .wrap(),
                );
                ui.end_row();
            }
            text_row(
                ui,
                t::F_CONTRACT_NUMBER,
                &mut c.contract_number,
                err(e, "contract_number"),
            );
            date_row(
                ui,
                t::F_CONTRACT_DATE,
                "contract_date",
                &mut c.contract_date,
                err(e, "contract_date"),
            );
            text_row(ui, t::F_SINCE_YEAR, &mut c.since_year, err(e, "since_year"));
            let mans: Vec<(Id, String)> = managers
                .iter()
                .filter_map(|m| m.id.map(|id| (id, m.full_name())))
                .collect();
            combo_row(
                ui,
                t::F_MANAGER,
                &mut c.manager_id,
                &mans,
                err(e, "manager"),
            );
            ui.label(t::F_STRATEGIC);
            ui.checkbox(&mut c.strategic, t::F_STRATEGIC_HINT);
            ui.end_row();
        });
    }
}
