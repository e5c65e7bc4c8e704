//! Person names: gender from the patronymic, initials, and the dative case of a name and a
//! position for the addressee block of a letter («Генеральному директору … И.И. Иванову»).
//!
//! Names are declined with `petrovich` (the well-known rule set); positions with a small rule
//! set of our own: the leading adjectives and the head noun go to the dative, the rest (usually a
//! genitive tail such as «генерального директора» or «по производству») stays as it is.

use petrovich::Case;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Gender {
    Male,
    Female,
}

crate::codes!(Gender, "gender", Male => "м", Female => "ж");

impl Gender {
    fn petrovich(self) -> petrovich::Gender {
        match self {
            Gender::Male => petrovich::Gender::Male,
            Gender::Female => petrovich::Gender::Female,
        }
    }
}

/// Gender as the patronymic (then first name, then surname) tells it.
/// The legal forms of Russian organisations and entrepreneurs: the abbreviation and the full
/// name. The first five are the demo's.
pub const LEGAL_FORMS: [(&str, &str); 10] = [
    ("ООО", "Общество с ограниченной ответственностью"),
    ("АО", "Акционерное общество"),
    ("ПАО", "Публичное акционерное общество"),
    ("МУП", "Муниципальное унитарное предприятие"),
    ("ГУП", "Государственное унитарное предприятие"),
    ("ЗАО", "Закрытое акционерное общество"),
    ("ОАО", "Открытое акционерное общество"),
    ("НАО", "Непубличное акционерное общество"),
    ("ФГУП", "Федеральное государственное унитарное предприятие"),
    ("ИП", "Индивидуальный предприниматель"),
];

/// Whether `word` is the abbreviation of a legal form («ООО», «АО»…).
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.iter().any(|(short, _)| *short == word)
}

/// A company's name as said aloud: without its legal form and the quotes («ОАО «Орелэнергосбыт»»
/// → «Орелэнергосбыт»).
pub fn without_legal_form(short_name: &str) -> &str {
    let s = short_name.trim();
    let s = match s.split_once(' ') {
        Some((form, rest)) if is_legal_form(form) => rest,
        _ => s,
    };
    s.trim_matches(['«', '»', '"', ' '])
}

pub fn detect_gender(surname: &str, name: &str, patronymic: &str) -> Option<Gender> {
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let (s, n, p) = (opt(surname), opt(name), opt(patronymic));
    match petrovich::detect_gender(s.as_deref(), n.as_deref(), p.as_deref()) {
        petrovich::Gender::Male => Some(Gender::Male),
        petrovich::Gender::Female => Some(Gender::Female),
        petrovich::Gender::Androgynous => None,
    }
}

fn initial(s: &str) -> String {
    s.trim()
        .chars()
        .next()
        .map(|c| format!("{}.", c.to_uppercase()))
        .unwrap_or_default()
}

/// «И.И. Иванов» with a no-break space before the surname (GOST typography).
pub fn initials_surname(surname: &str, name: &str, patronymic: &str) -> String {
    format!(
        "{}{}\u{a0}{}",
        initial(name),
        initial(patronymic),
        surname.trim()
    )
}

/// «Иванов И.И.» — the list form.
pub fn surname_initials(surname: &str, name: &str, patronymic: &str) -> String {
    let ini = format!("{}{}", initial(name), initial(patronymic));
    if ini.is_empty() {
        surname.trim().to_string()
    } else {
        format!("{}\u{a0}{ini}", surname.trim())
    }
}

/// «Иванов Иван Иванович».
pub fn full_name(surname: &str, name: &str, patronymic: &str) -> String {
    [surname, name, patronymic]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn keep_case(original: &str, declined: String) -> String {
    // petrovich lower-cases nothing, but make sure a capital stays a capital.
    let mut chars = declined.chars();
    match (original.chars().next(), chars.next()) {
        (Some(o), Some(f)) if o.is_uppercase() => f.to_uppercase().chain(chars).collect(),
        _ => declined,
    }
}

/// The dative of a surname: «Иванов» → «Иванову», «Иванова» (f) → «Ивановой».
pub fn surname_dative(surname: &str, gender: Gender) -> String {
    surname_in(surname, gender, Case::Dative)
}

/// A surname in a case; double surnames decline part by part.
fn surname_in(surname: &str, gender: Gender, case: Case) -> String {
    let s = surname.trim();
    if s.is_empty() {
        return String::new();
    }
    s.split('-')
        .map(|part| keep_case(part, petrovich::lastname(gender.petrovich(), part, case)))
        .collect::<Vec<_>>()
        .join("-")
}

/// «И.И. Иванову»: initials and the dative surname, as in the addressee block.
pub fn initials_surname_dative(
    surname: &str,
    name: &str,
    patronymic: &str,
    gender: Gender,
) -> String {
    initials_surname_in(surname, name, patronymic, gender, NameCase::Dative)
}

/// An official's name as typed in the requisites, surname first: «Сидоров Алексей Викторович»
/// or «Сидоров А.В.» → (surname, name, patronymic), initials kept as letters; `None` when it
/// does not read as a surname with a name (one word, a digit, more than three words).
pub fn parse_official(s: &str) -> Option<(String, String, String)> {
    let s = s.trim();
    // «А.В. Сидоров», «А. В. Сидоров»: the initials first, as a signature writes it.
    if let Some((initials, surname)) = s.rsplit_once(char::is_whitespace)
        && initials.ends_with('.')
        && !surname.contains('.')
    {
        return parse_official(&format!("{surname} {initials}"));
    }
    // A name typed in capitals is read as a name («СИДОРОВ» → «Сидоров»).
    let s = &s
        .split_whitespace()
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters > 1 && !w.contains('.') && !w.chars().any(char::is_lowercase) {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_string() + &c.as_str().to_lowercase())
                    .unwrap_or_default()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // «Мамедов Ильхам Гейдар оглы»: the patronymic of two words.
    let s = &s.replace(" оглы", "-оглы").replace(" кызы", "-кызы");
    let (surname, rest) = s.split_once(char::is_whitespace)?;
    let rest = rest.trim();
    let word_ok = |w: &str| {
        !w.is_empty()
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
    };
    let parts: Vec<&str> = if rest.contains('.') {
        // «А.В.», «А. В.»: one initial a part.
        rest.split(['.', ' '])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        rest.split_whitespace().collect()
    };
    let single = |p: &&str| p.chars().count() == 1;
    let ok = word_ok(surname)
        && !surname.contains('.')
        && (1..=2).contains(&parts.len())
        && parts.iter().all(|p| word_ok(p))
        && (!rest.contains('.') || parts.iter().all(single));
    ok.then(|| {
        (
            surname.to_string(),
            parts[0].to_string(),
            parts.get(1).map(|p| p.to_string()).unwrap_or_default(),
        )
    })
}

/// An official in an addressee block: «А.В. Сидорову» from «Сидоров Алексей Викторович»; the
/// surname stays as written when its gender cannot be told («Шевчук А.В.»).
pub fn official_dative(s: &str) -> Option<String> {
    let (surname, name, patronymic) = parse_official(s)?;
    fn whole(p: &str) -> &str {
        if p.chars().count() > 1 { p } else { "" }
    }
    let gender = if patronymic.ends_with("-оглы") {
        Some(Gender::Male)
    } else if patronymic.ends_with("-кызы") {
        Some(Gender::Female)
    } else {
        detect_gender(&surname, whole(&name), whole(&patronymic))
    };
    Some(match gender {
        Some(g) => initials_surname_dative(&surname, &name, &patronymic, g),
        None => initials_surname(&surname, &name, &patronymic),
    })
}

/// The grammatical cases a template can ask a name in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCase {
    /// «у Г.И. Родионовой»
    Genitive,
    /// «Г.И. Родионовой» (кому)
    Dative,
    /// «с Г.И. Родионовой»
    Instrumental,
}

fn petrovich_case(case: NameCase) -> Case {
    match case {
        NameCase::Genitive => Case::Genitive,
        NameCase::Dative => Case::Dative,
        NameCase::Instrumental => Case::Instrumental,
    }
}

/// «Г.И. Родионовой»: initials and the surname in a case.
pub fn initials_surname_in(
    surname: &str,
    name: &str,
    patronymic: &str,
    gender: Gender,
    case: NameCase,
) -> String {
    let case = petrovich_case(case);
    format!(
        "{}{}\u{a0}{}",
        initial(name),
        initial(patronymic),
        surname_in(surname, gender, case)
    )
}

/// The words «индивидуальный предприниматель» in a case, capitalised as given.
fn entrepreneur_in(case: NameCase) -> &'static str {
    match case {
        NameCase::Genitive => "индивидуального предпринимателя",
        NameCase::Dative => "индивидуальному предпринимателю",
        NameCase::Instrumental => "индивидуальным предпринимателем",
    }
}

/// A client's short name in a case, as a letter says it after «для», «позволит», «с»: an
/// entrepreneur's name declines («для ИП Воронцова М.Ф.», «индивидуальному предпринимателю
/// Воронцовой М.Ф.»); an organisation's stays as it is («для ООО «Ромашка»»: its legal form is
/// read in the case and written the same, its name in quotes never changes). A name whose gender
/// cannot be told («ИП Шевчук Н.») is left as it is rather than declined wrongly.
pub fn client_name_in(short_name: &str, case: NameCase) -> String {
    let s = short_name.trim();
    const LONG: &str = "индивидуальный предприниматель";
    let (head, rest) = if let Some(rest) = s
        .strip_prefix("ИП")
        .filter(|r| r.starts_with([' ', '\u{a0}']))
    {
        (s[..s.len() - rest.len()].to_string(), rest)
    } else if s.to_lowercase().starts_with(LONG) {
        let rest = &s[LONG.len()..];
        let words = entrepreneur_in(case);
        (keep_case(s, words.to_string()), rest)
    } else {
        return s.to_string();
    };
    let parts: Vec<&str> = rest
        .split([' ', '\u{a0}'])
        .filter(|p| !p.is_empty())
        .collect();
    let Some(&surname) = parts.first() else {
        return s.to_string();
    };
    let full = parts.len() == 3 && !parts[1..].iter().any(|p| p.contains('.'));
    let gender = if full {
        detect_gender(surname, parts[1], parts[2])
    } else {
        detect_gender(surname, "", "")
    };
    let Some(gender) = gender else {
        return s.to_string();
    };
    let pcase = petrovich_case(case);
    let mut out = head;
    let mut rest = rest;
    for (k, part) in parts.iter().enumerate() {
        let at = rest.find(part).unwrap_or(0);
        out.push_str(&rest[..at]);
        let declined = match k {
            0 => surname_in(part, gender, pcase),
            1 if full => keep_case(part, petrovich::firstname(gender.petrovich(), part, pcase)),
            2 if full => keep_case(part, petrovich::middlename(gender.petrovich(), part, pcase)),
            _ => part.to_string(),
        };
        out.push_str(&declined);
        rest = &rest[at + part.len()..];
    }
    out.push_str(rest);
    out
}

/// «Иванову Ивану Ивановичу».
pub fn full_name_dative(surname: &str, name: &str, patronymic: &str, gender: Gender) -> String {
    let g = gender.petrovich();
    let mut parts = Vec::new();
    if !surname.trim().is_empty() {
        parts.push(surname_dative(surname, gender));
    }
    if !name.trim().is_empty() {
        parts.push(keep_case(
            name,
            petrovich::firstname(g, name.trim(), Case::Dative),
        ));
    }
    if !patronymic.trim().is_empty() {
        parts.push(keep_case(
            patronymic,
            petrovich::middlename(g, patronymic.trim(), Case::Dative),
        ));
    }
    parts.join(" ")
}

/// Adjective endings in the nominative (masculine and feminine) and their dative.
const ADJ_ENDINGS: [(&str, &str); 8] = [
    ("щий", "щему"),
    ("ний", "нему"),
    ("кий", "кому"),
    ("ый", "ому"),
    ("ий", "ому"),
    ("ой", "ому"),
    ("ая", "ой"),
    ("яя", "ей"),
];

fn adjective_dative(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    ADJ_ENDINGS.iter().find_map(|(nom, dat)| {
        lower
            .ends_with(nom)
            .then(|| format!("{}{}", &word[..word.len() - nom.len()], dat))
    })
}

/// Nouns of a position that do not change (loanwords, abbreviations).
fn indeclinable(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        || ["врио", "и.о.", "пресс-атташе"].contains(&word.to_lowercase().as_str())
}

fn noun_dative(word: &str) -> String {
    if indeclinable(word) {
        return word.to_string();
    }
    let lower = word.to_lowercase();
    let stem = |n: usize| &word[..word.len() - n];
    let last = lower.chars().last().unwrap_or(' ');
    match last {
        // «заместитель» → «заместителю»
        'ь' => format!("{}ю", stem('ь'.len_utf8())),
        // «главе», «начальнице»
        'а' => format!("{}е", stem('а'.len_utf8())),
        'я' => format!("{}е", stem('я'.len_utf8())),
        'й' => format!("{}ю", stem('й'.len_utf8())),
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => format!("{word}у"),
        _ => word.to_string(),
    }
}

/// The dative of a position: «Генеральный директор» → «Генеральному директору»,
/// «Заместитель генерального директора» → «Заместителю генерального директора»,
/// «Главный бухгалтер» → «Главному бухгалтеру». The position declines the same way for a woman
/// («Главному бухгалтеру М.П. Петровой»); only her surname follows her gender.
pub fn position_dative(position: &str) -> String {
    let words: Vec<&str> = position.split_whitespace().collect();
    let mut out = Vec::with_capacity(words.len());
    let mut head_done = false;
    for w in words {
        if head_done {
            out.push(w.to_string());
            continue;
        }
        if let Some(adj) = adjective_dative(w) {
            out.push(adj);
        } else {
            out.push(noun_dative(w));
            head_done = true;
        }
    }
    out.join(" ")
}

/// «Уважаемый Иван Иванович!» / «Уважаемая Мария Петровна!».
pub fn salutation(name: &str, patronymic: &str, gender: Gender) -> String {
    let word = match gender {
        Gender::Male => "Уважаемый",
        Gender::Female => "Уважаемая",
    };
    format!("{word} {}!", full_name("", name, patronymic))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An official typed in the requisites reads in full or with initials, and is addressed in
    /// the dative; what is not a name is refused.
    #[test]
    fn an_official_is_addressed_in_the_dative() {
        let nbsp = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(
            official_dative("Сидоров Алексей Викторович").as_deref(),
            Some(nbsp("А.В. Сидорову").as_str())
        );
        assert_eq!(
            official_dative("Сидорова Анна Викторовна").as_deref(),
            Some(nbsp("А.В. Сидоровой").as_str())
        );
        assert_eq!(
            official_dative("Сидоров А.В.").as_deref(),
            Some(nbsp("А.В. Сидорову").as_str())
        );
        assert_eq!(
            official_dative("Сидоров А. В.").as_deref(),
            Some(nbsp("А.В. Сидорову").as_str())
        );
        assert_eq!(
            official_dative("СИДОРОВ АЛЕКСЕЙ ВИКТОРОВИЧ").as_deref(),
            Some(nbsp("А.В. Сидорову").as_str())
        );
        assert_eq!(
            official_dative("Мамедов Ильхам Гейдар оглы").as_deref(),
            Some(nbsp("И.Г. Мамедову").as_str())
        );
        assert_eq!(
            official_dative("А.Н. Орлов").as_deref(),
            Some(nbsp("А.Н. Орлову").as_str())
        );
        // Whose gender cannot be told stays as written.
        assert_eq!(
            official_dative("Шевчук А.В.").as_deref(),
            Some(nbsp("А.В. Шевчук").as_str())
        );
        for bad in [
            "",
            "Сидоров",
            "сидоров алексей",
            "Сидоров Алексей Викторович Петрович",
            "Сидоров 1",
            "Сидоров Ал.В.",
            "А.В. сидоров",
            "Ал.В. Сидоров",
        ] {
            assert_eq!(parse_official(bad), None, "{bad}");
        }
    }
    #[test]
    fn a_name_said_aloud_has_no_legal_form() {
        assert_eq!(without_legal_form("ОАО «Орелэнергосбыт»"), "Орелэнергосбыт");
        assert_eq!(without_legal_form("ФГУП «Почта»"), "Почта");
        assert_eq!(without_legal_form("Хлебозавод"), "Хлебозавод");
        assert!(is_legal_form("ИП") && !is_legal_form("Иванов"));
        let ip = "ИП Воронцов\u{a0}М.Ф.";
        assert_eq!(
            client_name_in(ip, NameCase::Genitive),
            "ИП Воронцова\u{a0}М.Ф."
        );
        assert_eq!(
            client_name_in(ip, NameCase::Dative),
            "ИП Воронцову\u{a0}М.Ф."
        );
        assert_eq!(
            client_name_in(ip, NameCase::Instrumental),
            "ИП Воронцовым\u{a0}М.Ф."
        );
        assert_eq!(
            client_name_in("ИП Лебедева А. С.", NameCase::Genitive),
            "ИП Лебедевой А. С."
        );
        assert_eq!(
            client_name_in(
                "Индивидуальный предприниматель Воронцов Михаил Фёдорович",
                NameCase::Dative
            ),
            "Индивидуальному предпринимателю Воронцову Михаилу Фёдоровичу"
        );
        for case in [NameCase::Genitive, NameCase::Dative, NameCase::Instrumental] {
            assert_eq!(client_name_in("ООО «Ромашка»", case), "ООО «Ромашка»");
            assert_eq!(client_name_in("ИПОТЕКА-ЦЕНТР", case), "ИПОТЕКА-ЦЕНТР");
        }
    }

    #[test]
    fn gender_from_patronymic() {
        assert_eq!(
            detect_gender("Иванов", "Иван", "Иванович"),
            Some(Gender::Male)
        );
        assert_eq!(
            detect_gender("Петрова", "Мария", "Петровна"),
            Some(Gender::Female)
        );
        assert_eq!(detect_gender("", "Мария", ""), Some(Gender::Female));
    }

    #[test]
    fn dative_names() {
        assert_eq!(
            full_name_dative("Иванов", "Иван", "Иванович", Gender::Male),
            "Иванову Ивану Ивановичу"
        );
        assert_eq!(
            full_name_dative("Петрова", "Мария", "Петровна", Gender::Female),
            "Петровой Марии Петровне"
        );
        assert_eq!(
            initials_surname_dative("Иванов", "Иван", "Иванович", Gender::Male),
            "И.И.\u{a0}Иванову"
        );
        assert_eq!(surname_dative("Кузьмич", Gender::Female), "Кузьмич");
        assert_eq!(
            surname_dative("Римский-Корсаков", Gender::Male),
            "Римскому-Корсакову"
        );
        assert_eq!(
            initials_surname("Иванов", "Иван", "Иванович"),
            "И.И.\u{a0}Иванов"
        );
        assert_eq!(
            surname_initials("Иванов", "Иван", "Иванович"),
            "Иванов\u{a0}И.И."
        );
    }

    #[test]
    fn names_in_every_case() {
        let g = Gender::Female;
        let f = |c| initials_surname_in("Родионова", "Галина", "Ивановна", g, c);
        assert_eq!(f(NameCase::Genitive), "Г.И.\u{a0}Родионовой");
        assert_eq!(f(NameCase::Dative), "Г.И.\u{a0}Родионовой");
        assert_eq!(f(NameCase::Instrumental), "Г.И.\u{a0}Родионовой");
        let m = |c| initials_surname_in("Киселёв", "Андрей", "Петрович", Gender::Male, c);
        assert_eq!(m(NameCase::Genitive), "А.П.\u{a0}Киселёва");
        assert_eq!(m(NameCase::Dative), "А.П.\u{a0}Киселёву");
        assert_eq!(m(NameCase::Instrumental), "А.П.\u{a0}Киселёвым");
    }

    #[test]
    fn dative_positions() {
        assert_eq!(
            position_dative("Генеральный директор"),
            "Генеральному директору"
        );
        assert_eq!(position_dative("Главный бухгалтер"), "Главному бухгалтеру");
        assert_eq!(position_dative("Главный энергетик"), "Главному энергетику");
        assert_eq!(
            position_dative("Заместитель генерального директора"),
            "Заместителю генерального директора"
        );
        assert_eq!(
            position_dative("Директор по производству"),
            "Директору по производству"
        );
        assert_eq!(position_dative("Глава района"), "Главе района");
        assert_eq!(position_dative("Управляющий"), "Управляющему");
        assert_eq!(position_dative("Главный бухгалтер"), "Главному бухгалтеру");
        assert_eq!(
            position_dative("Генеральный директор"),
            "Генеральному директору"
        );
        assert_eq!(
            position_dative("Глава администрации"),
            "Главе администрации"
        );
    }

    #[test]
    fn salutations() {
        assert_eq!(
            salutation("Иван", "Иванович", Gender::Male),
            "Уважаемый Иван Иванович!"
        );
        assert_eq!(
            salutation("Мария", "Петровна", Gender::Female),
            "Уважаемая Мария Петровна!"
        );
    }
}
