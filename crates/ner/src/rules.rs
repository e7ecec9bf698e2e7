//! Rules applied to the names the statistical tagger finds: exact span edges.
//!
//! - A leading "the" is never part of a name ("the Red Sea" → "Red Sea").
//! - Titles, ranks and offices before a person's name are not part of it ("Ayatollah Ali
//!   Khamenei", "Sen. Ted Cruz", "Prime Minister Benjamin Netanyahu"): [`is_title`] words are
//!   dropped from the start of a PER span while a name remains.
//! - A possessive ("Iran's", "Hamas’") and punctuation at either edge are dropped.
//! - What is left must contain a letter or a digit.

/// Words that are titles, ranks or offices when they stand before a person's name, lower case
/// and without a final period.
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "atty",
    "ayatollah",
    "bishop",
    "brig",
    "brigadier",
    "brother",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "cpl",
    "crown",
    "dame",
    "defence",
    "defense",
    "deputy",
    "director",
    "dr",
    "emir",
    "emperor",
    "envoy",
    "father",
    "finance",
    "foreign",
    "fr",
    "gen",
    "general",
    "gov",
    "governor",
    "grand",
    "hojatoleslam",
    "hojatolislam",
    "hon",
    "imam",
    "interior",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "maj",
    "marshal",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "mufti",
    "mullah",
    "pastor",
    "patriarch",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "sayyed",
    "sayyid",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "shaikh",
    "sheik",
    "sheikh",
    "sir",
    "sister",
    "speaker",
    "spokesman",
    "spokeswoman",
    "sultan",
    "supreme",
    "vice",
];

/// Whether `word` is a title, rank or office that can stand before a person's name
/// ("President", "Sen.", "Ayatollah"), whatever its case.
pub fn is_title(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.is_empty() || w.len() > 16 || !w.is_ascii() {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    TITLES.binary_search(&lower.as_str()).is_ok()
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn is_the(s: &str) -> bool {
    s.eq_ignore_ascii_case("the")
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Trims the name covering `tokens[start..end]` by the rules above; `None` when nothing of
/// it remains. `per` says whether it names a person.
pub(crate) fn trim_name(
    tokens: &[&str],
    start: usize,
    end: usize,
    per: bool,
) -> Option<(usize, usize)> {
    let (mut s, mut e) = (start, end.min(tokens.len()));
    loop {
        let first = tokens.get(s).copied()?;
        if s + 1 >= e {
            break;
        }
        let next_is_name = tokens.get(s + 1).is_some_and(|t| has_alnum(t));
        if is_the(first) || !has_alnum(first) || (per && is_title(first) && next_is_name) {
            s += 1;
        } else {
            break;
        }
    }
    while e > s {
        let last = tokens.get(e - 1).copied()?;
        if is_possessive(last) || !has_alnum(last) {
            e -= 1;
        } else {
            break;
        }
    }
    let kept = tokens.get(s..e)?;
    if kept.iter().any(|t| has_alnum(t))
        && !(kept.len() == 1 && kept.first().is_some_and(|t| is_the(t)))
    {
        Some((s, e))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_list_is_sorted() {
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_title("Sen."));
        assert!(is_title("AYATOLLAH"));
        assert!(!is_title("Maria"));
        assert!(!is_title(""));
    }

    #[test]
    fn trims_the_titles_possessives() {
        let t = ["the", "Red", "Sea"];
        assert_eq!(trim_name(&t, 0, 3, false), Some((1, 3)));
        let t = ["Prime", "Minister", "Benjamin", "Netanyahu", "'s"];
        assert_eq!(trim_name(&t, 0, 5, true), Some((2, 4)));
        assert_eq!(trim_name(&t, 0, 5, false), Some((0, 4)));
        let t = ["President"];
        assert_eq!(trim_name(&t, 0, 1, true), Some((0, 1)));
        let t = ["“", "Hamas", "’"];
        assert_eq!(trim_name(&t, 0, 3, false), Some((1, 2)));
        let t = ["the", ","];
        assert_eq!(trim_name(&t, 0, 2, false), None);
        assert_eq!(trim_name(&t, 0, 9, false), None);
        assert_eq!(trim_name(&t, 5, 9, false), None);
    }
}
