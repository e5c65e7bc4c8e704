//! The names of enumerations, as screens and printouts show them.

use crate::admin::TrashKind;
use crate::clients::{ClientKind, Direction, ProjectStatus};
use crate::contacts::{MeetingKind, ReportStatus};
use crate::domain::{Code, Role};
use crate::letters::LetterStatus;
use crate::overview::{Detail, EventKind};
use crate::words as w;

/// A backup's kind in Russian (not a `Label`: one kind carries a number).
pub fn backup_kind(k: crate::storage::backup::Kind) -> String {
    use crate::storage::backup::Kind;
    match k {
        Kind::Auto => w::BACKUP_AUTO.into(),
        Kind::Manual => w::BACKUP_MANUAL.into(),
        Kind::Migration(v) => w::backup_migration(v),
        Kind::Restore => w::BACKUP_RESTORE.into(),
        Kind::Damaged => w::BACKUP_DAMAGED.into(),
    }
}

/// A value's name in Russian.
pub trait Label {
    fn label(&self) -> &'static str;
}

impl Label for ClientKind {
    fn label(&self) -> &'static str {
        w::client_kind(self.code())
    }
}

impl Label for Role {
    fn label(&self) -> &'static str {
        match self {
            Role::Manager => w::ROLE_MANAGER,
            Role::GroupHead => w::ROLE_HEAD,
        }
    }
}

impl Label for crate::domain::Duty {
    fn label(&self) -> &'static str {
        use crate::domain::Duty::*;
        match self {
            ApproveLimits => w::DUTY_APPROVE_LIMITS,
            ApproveGifts => w::DUTY_APPROVE_GIFTS,
            AcceptReports => w::DUTY_ACCEPT_REPORTS,
            SignMemo => w::DUTY_SIGN_MEMO,
            EditCalendar => w::DUTY_EDIT_CALENDAR,
            EditDeadlines => w::DUTY_EDIT_DEADLINES,
            EditRegulation => w::DUTY_EDIT_REGULATION,
            EditManagers => w::DUTY_EDIT_MANAGERS,
            ManageDatabase => w::DUTY_MANAGE_DATABASE,
            EditVipList => w::DUTY_EDIT_VIP_LIST,
            EditQuestionnaire => w::DUTY_EDIT_QUESTIONNAIRE,
        }
    }
}

impl Label for Direction {
    fn label(&self) -> &'static str {
        match self {
            Direction::Incoming => w::DIR_IN,
            Direction::Outgoing => w::DIR_OUT,
            Direction::Note => w::DIR_NOTE,
        }
    }
}

impl Label for ProjectStatus {
    fn label(&self) -> &'static str {
        match self {
            ProjectStatus::Planned => w::PROJECT_PLANNED,
            ProjectStatus::Active => w::PROJECT_ACTIVE,
            ProjectStatus::Done => w::PROJECT_DONE,
            ProjectStatus::Cancelled => w::PROJECT_CANCELLED,
        }
    }
}

impl Label for LetterStatus {
    fn label(&self) -> &'static str {
        match self {
            LetterStatus::Draft => w::LETTER_DRAFT,
            LetterStatus::Registered => w::LETTER_REGISTERED,
            LetterStatus::Printed => w::LETTER_PRINTED,
            LetterStatus::Courier => w::LETTER_COURIER,
            LetterStatus::Delivered => w::LETTER_DELIVERED,
        }
    }
}

impl Label for crate::letters::TemplateField {
    fn label(&self) -> &'static str {
        use crate::letters::TemplateField;
        match self {
            TemplateField::Date => w::FIELD_DATE,
            TemplateField::Time => w::FIELD_TIME,
            TemplateField::Amount => w::FIELD_AMOUNT,
            TemplateField::Service => w::FIELD_SERVICE,
        }
    }
}

/// What a template field's input shows while empty.
pub fn template_field_hint(f: crate::letters::TemplateField) -> &'static str {
    use crate::letters::TemplateField;
    match f {
        TemplateField::Date => w::DATE_HINT,
        TemplateField::Time => w::TIME_HINT,
        TemplateField::Amount => w::AMOUNT_HINT,
        TemplateField::Service => w::SERVICE_HINT,
    }
}

impl Label for MeetingKind {
    fn label(&self) -> &'static str {
        w::meeting_kind(self.code())
    }
}

impl Label for ReportStatus {
    fn label(&self) -> &'static str {
        w::report_status(self.code())
    }
}

impl Label for TrashKind {
    fn label(&self) -> &'static str {
        match self {
            TrashKind::Client => w::TRASH_CLIENT,
            TrashKind::Person => w::TRASH_PERSON,
            TrashKind::Owner => w::TRASH_OWNER,
            TrashKind::Service => w::TRASH_SERVICE,
            TrashKind::Project => w::TRASH_PROJECT,
            TrashKind::Record => w::TRASH_RECORD,
            TrashKind::Manager => w::TRASH_MANAGER,
        }
    }
}

impl Label for EventKind {
    fn label(&self) -> &'static str {
        match self {
            EventKind::Call => w::EV_CALL,
            EventKind::Meeting => w::EV_MEETING,
            EventKind::OtherContact => w::EV_OTHER,
            EventKind::Letter => w::EV_LETTER,
            EventKind::Record => w::EV_RECORD,
            EventKind::Stage => w::EV_STAGE,
            EventKind::Step => w::EV_STEP,
            EventKind::Appeal => w::EV_APPEAL,
        }
    }
}

/// The second line of a timeline event: «ежемесячный звонок · принят», «№ VIP-12 · доставлено».
pub fn event_detail(d: &Detail) -> String {
    match d {
        Detail::Report(kind, status) => format!("{} · {}", kind.label(), status.label()),
        Detail::Letter(number, status) if number.is_empty() => status.label().to_string(),
        Detail::Letter(number, status) => format!("№ {number} · {}", status.label()),
        Detail::Record(direction, number) if number.is_empty() => direction.label().to_string(),
        Detail::Record(direction, number) => format!("{} № {number}", direction.label()),
        Detail::Stage(project, done) => format!(
            "{project} · {}",
            if *done {
                w::STAGE_DONE
            } else {
                w::STAGE_PLANNED
            }
        ),
        Detail::Step(true) => w::STEP_DONE_LABEL.to_string(),
        Detail::Step(false) => w::STEP_OPEN_LABEL.to_string(),
        Detail::Appeal(number, kind, status) if number.is_empty() => {
            format!("{} · {}", kind.label(), status.label())
        }
        Detail::Appeal(number, kind, status) => {
            format!("№ {number} · {} · {}", kind.label(), status.label())
        }
    }
}

impl Label for crate::storage::journal::Action {
    fn label(&self) -> &'static str {
        use crate::storage::journal::Action as A;
        match self {
            A::Create => w::ACTION_CREATE,
            A::Update => w::ACTION_UPDATE,
            A::Delete => w::ACTION_DELETE,
            A::Restore => w::ACTION_RESTORE,
            A::Erase => w::ACTION_ERASE,
            A::RestoreBackup => w::ACTION_RESTORE_BACKUP,
            A::Bulk => w::ACTION_BULK,
        }
    }
}

impl Label for crate::appeals::Channel {
    fn label(&self) -> &'static str {
        w::channel_label(self.code())
    }
}

impl Label for crate::appeals::AppealKind {
    fn label(&self) -> &'static str {
        w::kind_label(self.code())
    }
}

impl Label for crate::appeals::AppealStatus {
    fn label(&self) -> &'static str {
        w::status_label(self.code())
    }
}

impl Label for crate::appeals::LetterRole {
    fn label(&self) -> &'static str {
        use crate::appeals::LetterRole::*;
        match self {
            Reply => w::ROLE_REPLY,
            Registered => w::ROLE_REGISTERED,
            Extended => w::ROLE_EXTENDED,
        }
    }
}

impl Label for crate::domain::calendar::DayKind {
    fn label(&self) -> &'static str {
        use crate::domain::calendar::DayKind::*;
        match self {
            Working => w::DAY_WORKING,
            Short => w::DAY_SHORT,
            DayOff => w::DAY_OFF,
            Holiday => w::DAY_HOLIDAY,
        }
    }
}

/// A holiday's rule in words: «третье воскресенье июля», «22 декабря»; the rule as typed when
/// it cannot be read.
pub fn holiday_rule_words(rule: &str) -> String {
    use crate::domain::holidays::{Rule, parse_rule};
    match parse_rule(rule) {
        Some(Rule::Fixed(d, m)) => w::fixed_holiday(d, m),
        Some(Rule::Nth(n, wd, m)) => w::nth_weekday(n, wd.num_days_from_monday() as usize, m),
        None => rule.to_string(),
    }
}

impl Label for crate::viplist::Proposal {
    fn label(&self) -> &'static str {
        use crate::viplist::Proposal as P;
        match self {
            P::Include => w::PROPOSAL_INCLUDE,
            P::Exclude => w::PROPOSAL_EXCLUDE,
            P::Keep => w::PROPOSAL_KEEP,
        }
    }
}

impl Label for crate::greetings::Occasion {
    fn label(&self) -> &'static str {
        use crate::greetings::Occasion as O;
        match self {
            O::NewYear => w::OCC_NEW_YEAR,
            O::Defender => w::OCC_DEFENDER,
            O::WomensDay => w::OCC_WOMENS_DAY,
            O::Professional => w::OCC_PROFESSIONAL,
            O::Birthday => w::OCC_BIRTHDAY,
            O::Jubilee => w::OCC_JUBILEE,
        }
    }
}

impl Label for crate::greetings::Caller {
    fn label(&self) -> &'static str {
        match self {
            crate::greetings::Caller::Director => w::CALLER_DIRECTOR,
            crate::greetings::Caller::Manager => w::CALLER_MANAGER,
        }
    }
}

impl Label for crate::greetings::GiftBy {
    fn label(&self) -> &'static str {
        match self {
            crate::greetings::GiftBy::Representative => w::GIFT_BY_REPRESENTATIVE,
            crate::greetings::GiftBy::Manager => w::GIFT_BY_MANAGER,
            crate::greetings::GiftBy::BranchEmployee => w::GIFT_BY_BRANCH,
        }
    }
}

impl Label for crate::greetings::GiftStatus {
    fn label(&self) -> &'static str {
        use crate::greetings::GiftStatus as S;
        match self {
            S::Draft => w::GIFT_STATUS_DRAFT,
            S::Approved => w::GIFT_STATUS_APPROVED,
            S::Sent => w::GIFT_STATUS_SENT,
            S::Bought => w::GIFT_STATUS_BOUGHT,
            S::Handed => w::GIFT_STATUS_HANDED,
        }
    }
}

impl Label for crate::viplist::ListStatus {
    fn label(&self) -> &'static str {
        match self {
            crate::viplist::ListStatus::Draft => w::LIST_DRAFT,
            crate::viplist::ListStatus::Approved => w::LIST_APPROVED,
        }
    }
}

impl Label for crate::viplist::QuestionKind {
    fn label(&self) -> &'static str {
        match self {
            crate::viplist::QuestionKind::Scale => w::QUESTION_SCALE,
            crate::viplist::QuestionKind::Free => w::QUESTION_FREE,
        }
    }
}

#[cfg(test)]
mod holiday_tests {
    #[test]
    fn holiday_rules_in_words() {
        let f = super::holiday_rule_words;
        assert_eq!(f("3 вс 07"), "третье воскресенье июля");
        assert_eq!(f("4 сб 07"), "четвёртая суббота июля");
        assert_eq!(f("2 вт 03"), "второй вторник марта");
        assert_eq!(f("22.12"), "22 декабря");
        assert_eq!(f("как-нибудь"), "как-нибудь");
    }
}
