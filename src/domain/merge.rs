//! Three-way merge of an edit with what another instance saved meanwhile: the base (what the
//! editor loaded), mine (the draft) and theirs (what the database holds now). My changes are
//! applied onto theirs; what only they changed stays; where both changed one field (or one row)
//! differently, mine wins in the merged value and the pair is listed as a conflict for the user
//! to see and choose.

use super::Id;

/// A field or a row both sides changed differently: its name and the two values as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub what: String,
    pub theirs: String,
    pub mine: String,
}

/// One field: `merged` (a copy of theirs) takes mine when I changed it.
pub fn field<T: PartialEq + Clone>(
    what: &str,
    base: &T,
    mine: &T,
    theirs: &T,
    merged: &mut T,
    show: impl Fn(&T) -> String,
    conflicts: &mut Vec<Conflict>,
) {
    if mine == base {
        return;
    }
    if theirs != base && theirs != mine {
        conflicts.push(Conflict {
            what: what.to_string(),
            theirs: show(theirs),
            mine: show(mine),
        });
    }
    *merged = mine.clone();
}

/// A list of rows with ids: theirs, with my new rows added, my deleted rows removed and my
/// edited rows put in. A row both edited differently, or one side edited and the other deleted,
/// is a conflict (mine wins: an edited row I kept comes back).
pub fn rows<T: PartialEq + Clone>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> Option<Id>,
    what: impl Fn(&T) -> String,
    show: impl Fn(&T) -> String,
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let find = |list: &[T], key: Id| list.iter().position(|r| id(r) == Some(key));
    let mut merged: Vec<T> = theirs.to_vec();
    for b in base {
        let Some(key) = id(b) else { continue };
        let m = find(mine, key).map(|i| &mine[i]);
        let t = find(theirs, key).map(|i| &theirs[i]);
        match (m, t) {
            // I deleted it.
            (None, Some(t)) => {
                if t != b {
                    conflicts.push(Conflict {
                        what: what(t),
                        theirs: show(t),
                        mine: String::new(),
                    });
                }
                merged.retain(|r| id(r) != Some(key));
            }
            // I edited it.
            (Some(m), t) if m != b => {
                match t {
                    Some(t) if t != b && t != m => conflicts.push(Conflict {
                        what: what(m),
                        theirs: show(t),
                        mine: show(m),
                    }),
                    None => conflicts.push(Conflict {
                        what: what(m),
                        theirs: String::new(),
                        mine: show(m),
                    }),
                    _ => {}
                }
                match find(&merged, key) {
                    Some(i) => merged[i] = m.clone(),
                    None => merged.push(m.clone()),
                }
            }
            _ => {}
        }
    }
    merged.extend(mine.iter().filter(|r| id(r).is_none()).cloned());
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Row {
        id: Option<Id>,
        text: &'static str,
    }

    fn r(id: Id, text: &'static str) -> Row {
        Row { id: Some(id), text }
    }

    fn merge(base: &[Row], mine: &[Row], theirs: &[Row]) -> (Vec<Row>, Vec<Conflict>) {
        let mut c = Vec::new();
        let m = rows(
            base,
            mine,
            theirs,
            |r| r.id,
            |r| r.text.to_string(),
            |r| r.text.to_string(),
            &mut c,
        );
        (m, c)
    }

    #[test]
    fn fields_keep_both_sides_changes_and_list_the_clash() {
        let mut c = Vec::new();
        let mut merged = "их".to_string();
        field(
            "Имя",
            &"было".to_string(),
            &"было".to_string(),
            &"их".to_string(),
            &mut merged,
            Clone::clone,
            &mut c,
        );
        assert_eq!(merged, "их", "only they changed it");
        assert!(c.is_empty());
        let mut merged = "их".to_string();
        field(
            "Имя",
            &"было".to_string(),
            &"моё".to_string(),
            &"их".to_string(),
            &mut merged,
            Clone::clone,
            &mut c,
        );
        assert_eq!(merged, "моё");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].theirs.as_str(), c[0].mine.as_str()), ("их", "моё"));
        let mut c = Vec::new();
        let mut merged = "одно".to_string();
        field(
            "Имя",
            &"было".to_string(),
            &"одно".to_string(),
            &"одно".to_string(),
            &mut merged,
            Clone::clone,
            &mut c,
        );
        assert!(c.is_empty(), "the same change on both sides is no clash");
    }

    #[test]
    fn rows_added_on_both_sides_all_stay() {
        let base = [r(1, "a")];
        let mine = [
            r(1, "a"),
            Row {
                id: None,
                text: "моя новая",
            },
        ];
        let theirs = [r(1, "a"), r(2, "их новая")];
        let (m, c) = merge(&base, &mine, &theirs);
        assert_eq!(
            m,
            vec![
                r(1, "a"),
                r(2, "их новая"),
                Row {
                    id: None,
                    text: "моя новая"
                }
            ]
        );
        assert!(c.is_empty());
    }

    #[test]
    fn rows_edited_or_deleted_on_one_side_follow_that_side() {
        let base = [r(1, "a"), r(2, "b"), r(3, "c")];
        let mine = [r(1, "A"), r(3, "c")];
        let theirs = [r(1, "a"), r(2, "b"), r(3, "C")];
        let (m, c) = merge(&base, &mine, &theirs);
        assert_eq!(m, vec![r(1, "A"), r(3, "C")]);
        assert!(c.is_empty());
    }

    #[test]
    fn rows_changed_on_both_sides_are_clashes_mine_winning() {
        let base = [r(1, "a"), r(2, "b")];
        let mine = [r(1, "A")];
        let theirs = [r(1, "AA"), r(2, "BB")];
        let (m, c) = merge(&base, &mine, &theirs);
        assert_eq!(m, vec![r(1, "A")]);
        assert_eq!(c.len(), 2, "{c:?}");
    }
}
