//! Checksums and normalisation of Russian identifiers and contact data (DOMAIN.md §5).
//!
//! Every function returns the [`FieldError`] shown beside the field on failure.

use super::error::FieldError;

fn digits_of(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

fn weighted(digits: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    (sum % 11) % 10
}

/// Checks an INN: 10 digits for organisations, 12 for individuals.
pub fn check_inn(inn: &str) -> Result<(), FieldError> {
    let inn = inn.trim();
    let Some(d) = digits_of(inn) else {
        return Err(FieldError::InnDigits);
    };
    match d.len() {
        10 => {
            if weighted(&d[..9], &[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9] {
                Ok(())
            } else {
                Err(FieldError::InnChecksum)
            }
        }
        12 => {
            let c11 = weighted(&d[..10], &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
            let c12 = weighted(&d[..11], &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
            if c11 == d[10] && c12 == d[11] {
                Ok(())
            } else {
                Err(FieldError::InnChecksum)
            }
        }
        _ => Err(FieldError::InnLength),
    }
}

/// Check digit of a 10-digit INN whose first nine digits are given (used by the demo generator).
pub fn inn10_check_digit(first9: &[u32]) -> u32 {
    weighted(first9, &[2, 4, 10, 3, 5, 9, 4, 6, 8])
}

/// Checks an OGRN (13 digits) or OGRNIP (15 digits).
pub fn check_ogrn(ogrn: &str) -> Result<(), FieldError> {
    let ogrn = ogrn.trim();
    if !ogrn.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::OgrnDigits);
    }
    let (body, modulus) = match ogrn.len() {
        13 => (&ogrn[..12], 11u64),
        15 => (&ogrn[..14], 13u64),
        _ => return Err(FieldError::OgrnLength),
    };
    // The first digit is the kind of record: 1 or 5 an organisation's OGRN, 3 an OGRNIP.
    let sign_ok = match ogrn.len() {
        13 => ogrn.starts_with(['1', '5']),
        _ => ogrn.starts_with('3'),
    };
    if !sign_ok {
        return Err(FieldError::OgrnSign);
    }
    let n: u64 = body.parse().map_err(|_| FieldError::OgrnDigits)?;
    let check = u64::from(ogrn.as_bytes()[ogrn.len() - 1] - b'0');
    if (n % modulus) % 10 == check {
        Ok(())
    } else {
        Err(FieldError::OgrnChecksum)
    }
}

/// Check digit of an OGRN (13) or OGRNIP (15) whose body (12 or 14 digits) is given.
pub fn ogrn_check_digit(body: &str) -> Option<u32> {
    let n: u64 = body.parse().ok()?;
    let m = match body.len() {
        12 => 11,
        14 => 13,
        _ => return None,
    };
    Some(((n % m) % 10) as u32)
}

/// Checks a KPP: `^\d{4}[\dA-Z]{2}\d{3}$`.
pub fn check_kpp(kpp: &str) -> Result<(), FieldError> {
    let b = kpp.trim().as_bytes();
    let ok = b.len() == 9
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4..6]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && b[6..].iter().all(u8::is_ascii_digit);
    if ok { Ok(()) } else { Err(FieldError::Kpp) }
}

/// A simple e-mail check: one `@`, something before it, a dot in the domain, no spaces.
pub fn check_email(email: &str) -> Result<(), FieldError> {
    let e = email.trim();
    let ok = match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if ok { Ok(()) } else { Err(FieldError::Email) }
}

/// A normalised phone number: `+7XXXXXXXXXX` (or another `+` international number) and an
/// optional extension.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    pub number: String,
    pub ext: Option<String>,
}

impl Phone {
    /// Parses a phone as people type it: «8 (916) 123-45-67», «+7 916 1234567 доб. 123».
    pub fn parse(input: &str) -> Result<Phone, FieldError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(FieldError::PhoneEmpty);
        }
        let lower = s.to_lowercase();
        let (main, ext) = split_extension(&lower);
        let ext = match ext {
            Some(e) => {
                let digits: String = e.chars().filter(char::is_ascii_digit).collect();
                if digits.is_empty() || e.chars().any(|c| c.is_alphabetic()) {
                    return Err(FieldError::PhoneExt);
                }
                Some(digits)
            }
            None => None,
        };
        if main
            .chars()
            .any(|c| !(c.is_ascii_digit() || " -()+.,\u{a0}".contains(c)))
        {
            return Err(FieldError::Phone);
        }
        let plus = main.trim_start().starts_with('+');
        let digits: String = main.chars().filter(char::is_ascii_digit).collect();
        let number = match digits.len() {
            11 if digits.starts_with('7') || (digits.starts_with('8') && !plus) => {
                format!("+7{}", &digits[1..])
            }
            10 if !plus => format!("+7{digits}"),
            12..=15 if plus => format!("+{digits}"),
            _ => return Err(FieldError::Phone),
        };
        Ok(Phone { number, ext })
    }

    /// Display form as Russians write numbers (DOMAIN.md §5): a mobile `+7 916 123-45-67`, a
    /// landline by its real area code — `+7 (495) 777-55-44`, `+7 (4862) 44-02-00`,
    /// `+7 (48646) 2-12-34` — and `+7 486 244-02-00` for a code not in the table; the
    /// extension after `доб.`.
    pub fn display(&self) -> String {
        let russian = self.number.len() == 12
            && self.number.starts_with("+7")
            && self.number[2..].bytes().all(|b| b.is_ascii_digit());
        let mut out = match self.number.get(2..).filter(|_| russian) {
            None => self.number.clone(),
            // Kazakhstan shares +7: its numbers are written in groups of 3, 3, 2, 2.
            Some(d) if d.starts_with(['6', '7']) => {
                format!("+7 {} {} {} {}", &d[..3], &d[3..6], &d[6..8], &d[8..])
            }
            Some(d) => match area_code_len(d) {
                Some(3) => format!("+7 ({}) {}-{}-{}", &d[..3], &d[3..6], &d[6..8], &d[8..]),
                Some(4) => format!("+7 ({}) {}-{}-{}", &d[..4], &d[4..6], &d[6..8], &d[8..]),
                Some(5) => format!("+7 ({}) {}-{}-{}", &d[..5], &d[5..6], &d[6..8], &d[8..]),
                _ => format!("+7 {} {}-{}-{}", &d[..3], &d[3..6], &d[6..8], &d[8..]),
            },
        };
        if let Some(ext) = &self.ext {
            out.push_str(" доб. ");
            out.push_str(ext);
        }
        out
    }

    /// Storage form: `+79161234567` or `+79161234567;123`.
    pub fn to_storage(&self) -> String {
        match &self.ext {
            Some(e) => format!("{};{e}", self.number),
            None => self.number.clone(),
        }
    }

    pub fn from_storage(s: &str) -> Phone {
        match s.split_once(';') {
            Some((n, e)) => Phone {
                number: n.to_string(),
                ext: Some(e.to_string()),
            },
            None => Phone {
                number: s.to_string(),
                ext: None,
            },
        }
    }
}

/// Area codes of 3 digits (local numbers of 7): Moscow, St Petersburg and the largest cities
/// (Yekaterinburg, Novosibirsk, Samara, Rostov-on-Don, Kazan, Nizhny Novgorod, Voronezh,
/// Chelyabinsk, Perm, Krasnodar, Krasnoyarsk, Ufa, Sochi, Vladivostok).
const AREA_CODES_3: &[&str] = &[
    "495", "499", "812", "343", "383", "846", "863", "843", "831", "473", "351", "342", "861",
    "391", "347", "862", "423",
];

/// Area codes of 4 digits (local numbers of 6): Orel and the neighbouring regional centres,
/// and the other regional centres of over half a million people (Omsk, Volgograd, Saratov,
/// Tyumen, Tolyatti, Izhevsk, Barnaul, Ulyanovsk, Irkutsk, Khabarovsk, Yaroslavl, Makhachkala,
/// Tomsk, Orenburg, Kemerovo, Novokuznetsk, Astrakhan, Penza, Kirov, Kaliningrad).
const AREA_CODES_4: &[&str] = &[
    "4862", "4722", "4712", "4832", "4872", "4842", "4742", "4912", "4752", "4822", "4812", "3812",
    "8442", "8452", "3452", "8482", "3412", "3852", "8422", "3952", "4212", "4852", "8722", "3822",
    "3532", "3842", "3843", "8512", "8412", "8332", "4012",
];

/// How many digits of a 10-digit national number are its area code, when it is known: mobile
/// numbers (9xx) have none; the Oryol region's district centres 48640–48679 have five.
fn area_code_len(d: &str) -> Option<usize> {
    if d.starts_with('9') {
        return None;
    }
    if let Some(n) = d.get(..5).and_then(|c| c.parse::<u32>().ok())
        && (48640..=48679).contains(&n)
    {
        return Some(5);
    }
    if d.get(..4).is_some_and(|c| AREA_CODES_4.contains(&c)) {
        return Some(4);
    }
    if d.get(..3).is_some_and(|c| AREA_CODES_3.contains(&c)) {
        return Some(3);
    }
    None
}

fn split_extension(s: &str) -> (&str, Option<&str>) {
    for marker in ["доб.", "доб", "ext.", "ext", "#", "x"] {
        if let Some(pos) = s.find(marker) {
            return (&s[..pos], Some(&s[pos + marker.len()..]));
        }
    }
    (s, None)
}

/// Parses a list of phones separated by «,» or «;» (a person can have several).
pub fn parse_phone_list(input: &str) -> Result<Vec<Phone>, FieldError> {
    input
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            Phone::parse(p).map_err(|e| FieldError::PhoneInList {
                item: p.to_string(),
                error: Box::new(e),
            })
        })
        .collect()
}

/// Digits of a phone query, for matching an incoming call or a search string.
pub fn phone_digits_for_search(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    // «8916…» and «+7916…» must find the same person.
    if d.len() == 11 && d.starts_with('8') {
        format!("7{}", &d[1..])
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inn_values_from_domain() {
        assert!(check_inn("7707083893").is_ok());
        assert!(check_inn("1234567895").is_err());
        assert!(check_inn("500100732259").is_ok());
        assert!(check_inn("123456789037").is_err());
        assert_eq!(check_inn("77070838"), Err(FieldError::InnLength));
        assert_eq!(check_inn("77070838a3"), Err(FieldError::InnDigits));
    }

    #[test]
    fn ogrn_values_from_domain() {
        assert!(check_ogrn("1027700132195").is_ok());
        assert!(check_ogrn("1022500001328").is_err());
        assert!(check_ogrn("304500116000157").is_ok());
        assert!(check_ogrn("304500116000158").is_err());
        assert!(check_ogrn("12345").is_err());
        assert_eq!(ogrn_check_digit("102770013219"), Some(5));
    }

    #[test]
    fn kpp_pattern() {
        assert!(check_kpp("770701001").is_ok());
        assert!(check_kpp("7707AB001").is_ok());
        assert!(check_kpp("7707ab001").is_err());
        assert!(check_kpp("77070100").is_err());
        assert!(check_kpp("77070100X").is_err());
    }

    #[test]
    fn phones_normalise_and_keep_extensions() {
        let p = Phone::parse("8 (916) 123-45-67").expect("valid");
        assert_eq!(p.number, "+79161234567");
        assert_eq!(p.display(), "+7 916 123-45-67");
        let shown = |n: &str| Phone::parse(n).expect("phone").display();
        assert_eq!(shown("+74862440200"), "+7 (4862) 44-02-00");
        // The largest cities with codes of four digits (#22 point 18).
        assert_eq!(shown("+73812123456"), "+7 (3812) 12-34-56");
        assert_eq!(shown("+78442123456"), "+7 (8442) 12-34-56");
        assert_eq!(shown("8 48646 2-12-34"), "+7 (48646) 2-12-34");
        assert_eq!(shown("84957775544"), "+7 (495) 777-55-44");
        assert_eq!(shown("8 (3022) 12-34-56"), "+7 302 212-34-56");
        // Kazakhstan's numbers (+7 6xx, +7 7xx) as Kazakhstan writes them.
        assert_eq!(shown("+77011234567"), "+7 701 123 45 67");
        assert_eq!(shown("+77172123456"), "+7 717 212 34 56");
        // What is shown reads back as the same number.
        for n in ["+74862440200", "+74864621234", "+74957775544"] {
            assert_eq!(Phone::parse(&shown(n)).expect("again").number, n);
        }
        assert_eq!(
            Phone::parse("9161234567").expect("valid").number,
            "+79161234567"
        );
        assert_eq!(
            Phone::parse("+7 916 123 45 67").expect("valid").number,
            "+79161234567"
        );
        let e = Phone::parse("+7 (4862) 43-21-00 доб. 123").expect("valid");
        assert_eq!(e.number, "+74862432100");
        assert_eq!(e.ext.as_deref(), Some("123"));
        assert_eq!(e.display(), "+7 (4862) 43-21-00 доб. 123");
        assert_eq!(Phone::from_storage(&e.to_storage()), e);
        let e2 = Phone::parse("8-4862-43-21-00, доб.45").expect("valid");
        assert_eq!(e2.ext.as_deref(), Some("45"));
        assert!(Phone::parse("43-21-00").is_err());
        assert!(Phone::parse("8 916 123-45-67 доб. абв").is_err());
        assert!(Phone::parse("звоните").is_err());
        assert_eq!(
            Phone::parse("+375 29 123-45-67").expect("valid").number,
            "+375291234567"
        );
        let list = parse_phone_list("8 916 123-45-67; +7 4862 43-21-00 доб. 7").expect("valid");
        assert_eq!(list.len(), 2);
        assert!(parse_phone_list("8 916 123-45-67; 12").is_err());
        assert_eq!(phone_digits_for_search("8 (916) 123"), "8916123");
        assert_eq!(phone_digits_for_search("89161234567"), "79161234567");
    }

    #[test]
    fn email_check() {
        assert!(check_email("ivanov@orel-energo.ru").is_ok());
        assert!(check_email("ivanov@localhost").is_err());
        assert!(check_email("ivanov orel@x.ru").is_err());
        assert!(check_email("@x.ru").is_err());
    }
}
