//! Abbreviations of English news text, shared by the sentence splitter (does a period end the
//! sentence?) and the tokenizer (does the period belong to the word?).
//!
//! Lookups are case-sensitive: "No." is an abbreviation before a number, "no." is a word and a
//! full stop. Each class carries its own rule for when a following capitalized word starts a
//! new sentence; see [`crate::sentences`].

/// What kind of abbreviation a word followed by a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title before a name ("Mr.", "Gen.", "St."): never ends a sentence.
    Title,
    /// A month ("Oct.", "Sept."): ends a sentence only before a common sentence opener.
    Month,
    /// A prefix of a number ("No. 10", "Vol. 2"): an abbreviation only before a digit.
    NumPrefix,
    /// A suffix of a name ("Inc.", "Corp.", "Jr."): ends a sentence before any capital.
    Suffix,
    /// A U.S. state in AP style ("Calif.", "Fla."): ends a sentence only before an opener.
    State,
    /// An upper-case initialism ("U.S.", "U.N.", "D.C."): ends a sentence only before an opener.
    Initialism,
    /// "a.m." and "p.m.": end a sentence before a capital that is not a day, month or zone.
    Time,
    /// Never ends a sentence ("vs.", "e.g.", "i.e.", "cf.").
    Inner,
}

/// The abbreviation class of `word`, the letters (and inner periods) before a period, if it is
/// one.
pub(crate) fn classify(word: &str) -> Option<Abbrev> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    if word.contains('.') {
        return initialism(word);
    }
    let class = match word {
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Profs" | "Gen"
        | "Gens" | "Sen" | "Sens" | "Rep" | "Reps" | "Gov" | "Govs" | "Lt" | "Col" | "Maj"
        | "Capt" | "Cmdr" | "Cdr" | "Adm" | "Sgt" | "Cpl" | "Pvt" | "Pfc" | "Spc" | "Brig"
        | "Insp" | "Supt" | "Det" | "Amb" | "Rev" | "Fr" | "Hon" | "Pres" | "Mme" | "Mlle"
        | "Msgr" | "St" | "Ste" | "Mt" | "Ft" | "Atty" | "Ald" | "Cllr" | "Sheik" | "MR"
        | "MRS" | "MS" | "DR" | "GEN" | "SEN" | "REP" | "GOV" | "ST" | "PROF" => Abbrev::Title,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "JAN" | "FEB" | "MAR" | "APR" | "JUN" | "JUL" | "AUG" | "SEP" | "SEPT"
        | "OCT" | "NOV" | "DEC" => Abbrev::Month,
        "No" | "Nos" | "NO" | "no" | "nos" | "Vol" | "Vols" | "Art" | "Arts" | "Fig" | "Figs"
        | "Sec" | "Ch" | "Para" | "Nr" | "pp" | "para" | "vol" | "fig" | "sec" | "art" => {
            Abbrev::NumPrefix
        }
        "Inc" | "Corp" | "Co" | "Cos" | "Ltd" | "Bros" | "Jr" | "Sr" | "Esq" | "Dept" | "Univ"
        | "Assn" | "Ave" | "Blvd" | "Rd" | "Hwy" | "Ct" | "Sq" | "Pl" | "Ln" | "Pkwy" | "INC"
        | "CORP" | "CO" | "LTD" | "JR" | "al" | "etc" | "approx" | "est" | "incl" | "excl"
        | "esp" | "misc" | "dept" | "ca" => Abbrev::Suffix,
        "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt"
        | "Wash" | "Wis" | "Wyo" => Abbrev::State,
        "vs" | "cf" | "viz" | "Vs" => Abbrev::Inner,
        _ => return None,
    };
    Some(class)
}

/// Classes words with inner periods ("U.S", "a.m", "e.g", "Ph.D"): letter groups of one or two
/// letters separated by single periods.
fn initialism(word: &str) -> Option<Abbrev> {
    let mut groups = 0usize;
    for group in word.split('.') {
        let n = group.chars().count();
        if n == 0 || n > 2 || !group.chars().all(char::is_alphabetic) {
            return None;
        }
        groups += 1;
    }
    if groups < 2 {
        return None;
    }
    match word {
        "a.m" | "p.m" | "A.M" | "P.M" => Some(Abbrev::Time),
        _ if word.chars().any(char::is_uppercase) => Some(Abbrev::Initialism),
        _ => Some(Abbrev::Inner),
    }
}

/// Capitalized words that commonly open an English sentence: after a weak abbreviation ("U.S.",
/// "Oct.", "Calif.") a sentence is taken to end only before one of these.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "As"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Officials"
            | "Some"
            | "Many"
            | "Most"
            | "Now"
            | "Then"
            | "Still"
            | "Also"
            | "Last"
            | "Earlier"
            | "Later"
            | "Since"
            | "For"
            | "With"
            | "According"
            | "Who"
            | "What"
            | "Why"
            | "How"
            | "Where"
            | "Both"
            | "Each"
            | "Such"
            | "Yesterday"
            | "Today"
            | "Despite"
            | "During"
            | "Under"
            | "Asked"
            | "Nobody"
            | "Everyone"
    )
}

/// Capitalized words that continue a time ("6 p.m. Monday", "p.m. ET"): no sentence break.
pub(crate) fn continues_time(word: &str) -> bool {
    is_weekday(word)
        || is_month_name(word)
        || matches!(
            word,
            "ET" | "EST"
                | "EDT"
                | "CT"
                | "CST"
                | "CDT"
                | "MT"
                | "MST"
                | "MDT"
                | "PT"
                | "PST"
                | "PDT"
                | "GMT"
                | "UTC"
                | "BST"
                | "CET"
                | "CEST"
                | "EET"
                | "IST"
                | "JST"
                | "AEST"
                | "AEDT"
                | "Eastern"
                | "Central"
                | "Pacific"
                | "Mountain"
                | "Moscow"
                | "Beijing"
                | "Tehran"
        )
}

/// A full weekday name.
pub(crate) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// A full month name.
pub(crate) fn is_month_name(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// A month name, full or abbreviated, with or without a final period, in title or upper case.
pub(crate) fn is_month_word(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    is_month_name(w)
        || matches!(classify(w), Some(Abbrev::Month))
        || matches!(
            w,
            "JANUARY"
                | "FEBRUARY"
                | "MARCH"
                | "APRIL"
                | "MAY"
                | "JUNE"
                | "JULY"
                | "AUGUST"
                | "SEPTEMBER"
                | "OCTOBER"
                | "NOVEMBER"
                | "DECEMBER"
        )
}

/// A weekday name, full or abbreviated, with or without a final period.
pub(crate) fn is_weekday_word(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    is_weekday(w)
        || matches!(
            w,
            "Mon"
                | "Tue"
                | "Tues"
                | "Wed"
                | "Thu"
                | "Thur"
                | "Thurs"
                | "Fri"
                | "Sat"
                | "Sun"
                | "MONDAY"
                | "TUESDAY"
                | "WEDNESDAY"
                | "THURSDAY"
                | "FRIDAY"
                | "SATURDAY"
                | "SUNDAY"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("Mr"), Some(Abbrev::Title));
        assert_eq!(classify("Oct"), Some(Abbrev::Month));
        assert_eq!(classify("U.S"), Some(Abbrev::Initialism));
        assert_eq!(classify("p.m"), Some(Abbrev::Time));
        assert_eq!(classify("e.g"), Some(Abbrev::Inner));
        assert_eq!(classify("Ph.D"), Some(Abbrev::Initialism));
        assert_eq!(classify("no"), Some(Abbrev::NumPrefix));
        assert_eq!(classify("so"), None);
        assert_eq!(classify("war"), None);
        assert_eq!(classify("a..b"), None);
        assert_eq!(classify("abc.de"), None);
    }

    #[test]
    fn words() {
        assert!(is_month_word("Nov."));
        assert!(is_month_word("March"));
        assert!(is_weekday_word("Friday"));
        assert!(continues_time("Monday"));
        assert!(is_sentence_opener("The"));
        assert!(!is_sentence_opener("Army"));
    }
}
