//! Who may do what. The services ask [`Actor::may`] before a duty of the head of the group and
//! [`Actor::may_act_for`] before touching a client's records; the screens ask the same to hide
//! or disable what the user may not do, with the reason on hover.

use super::{Actor, Id, Role};

/// What only the head of the VIP group (management) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Duty {
    /// Approve the gift limits of a year (the regulation p. 5).
    ApproveLimits,
    /// Approve a gift order (черновик → согласован).
    ApproveGifts,
    /// Accept a manager's report of a meeting.
    AcceptReports,
    /// Sign the weekly memo of complaints (its facsimile).
    SignMemo,
    /// Correct the production calendar.
    EditCalendar,
    /// The terms of appeals (deadlines, the longest extension).
    EditDeadlines,
    /// The greetings regulation: occasions, who is greeted, cards.
    EditRegulation,
    /// The managers of the group, their roles and passwords; how users prove who they are.
    EditManagers,
    /// The database as a whole: restoring it from a copy (with the copy's users and passwords),
    /// encrypting or decrypting it.
    ManageDatabase,
    /// The VIP list of a year: proposing and editing it, recording the director's orders (the
    /// list's and the managers' appointment).
    EditVipList,
    /// The questionnaire of the satisfaction study.
    EditQuestionnaire,
}

impl Duty {
    pub const ALL: [Duty; 11] = [
        Duty::ApproveLimits,
        Duty::ApproveGifts,
        Duty::AcceptReports,
        Duty::SignMemo,
        Duty::EditCalendar,
        Duty::EditDeadlines,
        Duty::EditRegulation,
        Duty::EditManagers,
        Duty::ManageDatabase,
        Duty::EditVipList,
        Duty::EditQuestionnaire,
    ];
}

/// Why an action was refused to its user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The duty is the head's; the user is a manager.
    #[error("only the head of the group may do this ({0:?})")]
    HeadOnly(Duty),
    /// The client is another manager's.
    #[error("the client is another manager's")]
    NotYourClient,
}

impl Actor {
    /// Whether the actor may do `duty`: the head of the group may, and the program itself
    /// (the demo, an upgrade); a manager may not.
    pub fn may(&self, duty: Duty) -> Result<(), Denied> {
        match self.role {
            Some(Role::GroupHead) | None => Ok(()),
            Some(Role::Manager) => Err(Denied::HeadOnly(duty)),
        }
    }

    /// Whether the actor may act on a client whose personal manager is `manager_id`: a manager
    /// on their own clients and on clients nobody serves yet, the head on everyone's.
    pub fn may_act_for(&self, manager_id: Option<Id>) -> Result<(), Denied> {
        match (self.scope().manager(), manager_id) {
            (Some(me), Some(theirs)) if me != theirs => Err(Denied::NotYourClient),
            _ => Ok(()),
        }
    }
}

/// A rule of one feature that another feature's write met inside its transaction (a reply
/// registered by the letters, refused by the appeal it answers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The reply letter says only its template's words: no answer to the appeal.
    #[error("the reply says nothing beyond its template")]
    EmptyReply,
    /// A client's status of a year the director's order approved, changed in the dossier
    /// (the approved list is changed by a correction).
    #[error("the VIP status of {0} is approved by the order")]
    ApprovedVipYear(i32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manager_may_not_do_the_heads_duties_nor_touch_anothers_clients() {
        let manager = Actor::manager(3, Role::Manager);
        let head = Actor::manager(1, Role::GroupHead);
        for duty in Duty::ALL {
            assert_eq!(manager.may(duty), Err(Denied::HeadOnly(duty)));
            assert_eq!(head.may(duty), Ok(()));
            assert_eq!(Actor::SYSTEM.may(duty), Ok(()));
        }
        assert_eq!(manager.may_act_for(Some(3)), Ok(()));
        assert_eq!(manager.may_act_for(None), Ok(()));
        assert_eq!(manager.may_act_for(Some(4)), Err(Denied::NotYourClient));
        assert_eq!(head.may_act_for(Some(4)), Ok(()));
    }
}
