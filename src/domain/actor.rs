//! Who does something: the manager working at the workstation (or the program itself, for the
//! command line and migrations), with the role that decides what they see.

use super::Id;

/// A manager's role in the VIP group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    #[default]
    Manager,
    GroupHead,
}

crate::codes!(Role, "role", Manager => "manager", GroupHead => "head");

/// The acting user, written as the author of every row a write touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Actor {
    pub id: Option<Id>,
    /// `None` for the program itself (command line, demo data).
    pub role: Option<Role>,
}

/// Whose clients a list or a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Manager(Id),
}

impl Scope {
    pub fn manager(self) -> Option<Id> {
        match self {
            Scope::All => None,
            Scope::Manager(id) => Some(id),
        }
    }
}

impl Actor {
    /// The program itself: no author, sees everything.
    pub const SYSTEM: Actor = Actor {
        id: None,
        role: None,
    };

    pub fn manager(id: Id, role: Role) -> Actor {
        Actor {
            id: Some(id),
            role: Some(role),
        }
    }

    pub fn is_head(&self) -> bool {
        self.role == Some(Role::GroupHead)
    }

    /// A head of the group (and the program) sees every manager's clients; a manager their own.
    pub fn scope(&self) -> Scope {
        match (self.role, self.id) {
            (Some(Role::Manager), Some(id)) => Scope::Manager(id),
            _ => Scope::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_sees_everyone_a_manager_their_own() {
        assert_eq!(Actor::manager(3, Role::Manager).scope(), Scope::Manager(3));
        assert_eq!(Actor::manager(1, Role::GroupHead).scope(), Scope::All);
        assert_eq!(Actor::SYSTEM.scope(), Scope::All);
    }
}
