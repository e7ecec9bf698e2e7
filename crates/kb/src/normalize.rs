//! The key normaliser shared by the builder and the runtime.
//!
//! Every alias is stored under its normalised key, and every lookup normalises its input the same
//! way, so the two sides always agree. The rules, applied character by character:
//!
//! - letters are lower-cased and stripped of diacritics (canonical decomposition, combining marks
//!   dropped; `ß`→`ss`, `æ`→`ae`, `œ`→`oe`, `ø`→`o`, `ł`→`l`, `đ`→`d`, `ı`→`i`, `þ`→`th`);
//! - periods vanish without leaving a gap, so `U.S.`, `US` and `U. S` become `us`, `us`, `u s`;
//! - apostrophes (`'` `’` `‘` `` ` `` `ʼ`) vanish, and a possessive `'s` at the end of a word is
//!   dropped with its apostrophe (`Iran’s` → `iran`, `Children's Fund` → `children fund`);
//! - `&` becomes the word `and`;
//! - every other non-alphanumeric character (spaces, `_`, `-`, `/`, brackets, commas…) is a word
//!   break; runs of breaks become one space, and none is kept at either end;
//! - a leading word `the` is removed when other words follow (`The United States` →
//!   `united states`, but `The` alone stays `the`).
//!
//! The normaliser never allocates beyond growing the caller's buffer, and runs in one pass.

/// Normalises `text` into `out` (cleared first). Reuse one `String` across calls to avoid
/// allocating.
///
/// Letters are lower-cased and stripped of diacritics (`ß`→`ss`, `æ`→`ae`, `ø`→`o`, `ł`→`l`…);
/// periods vanish (`U.S.` → `us`); apostrophes vanish and a possessive `'s` ending a word is
/// dropped (`Iran’s` → `iran`); `&` becomes `and`; any other non-alphanumeric character is a word
/// break (one space between words, none at the ends); a leading `the` is removed when other
/// words follow. Aliases are stored under this key, so lookups agree with the data.
///
/// ```
/// let mut key = String::new();
/// newsgraph_kb::normalize_into("The U.S.", &mut key);
/// assert_eq!(key, "us");
/// newsgraph_kb::normalize_into("Ban Ki-moon’s", &mut key);
/// assert_eq!(key, "ban ki moon");
/// ```
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '.' {
            continue;
        }
        if is_apostrophe(c) {
            // A possessive 's ends the word: drop it together with the apostrophe.
            let rest = text.get(i + c.len_utf8()..).unwrap_or("");
            let mut it = rest.chars();
            if matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(char::is_alphanumeric)
            {
                chars.next();
            }
            continue;
        }
        if c == '&' {
            push_word_break(out.as_str(), &mut pending_space);
            push_folded_str(out, &mut pending_space, "and");
            pending_space = true;
            continue;
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c.to_ascii_lowercase());
            } else {
                pending_space = true;
            }
            continue;
        }
        if c.is_alphanumeric() {
            push_folded_char(out, &mut pending_space, c);
        } else if unicode_normalization::char::is_combining_mark(c) {
            // A stray combining mark after a letter: drop it.
        } else {
            pending_space = true;
        }
    }
    if out.len() > 4 && out.starts_with("the ") {
        out.replace_range(..4, "");
    }
}

/// Returns `text` normalised into a new `String` (see [`normalize_into`]).
///
/// ```
/// assert_eq!(newsgraph_kb::normalize("Islamic Republic of Iran"), "islamic republic of iran");
/// ```
#[must_use]
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' | '\u{00B4}'
    )
}

fn push_word_break(out: &str, pending_space: &mut bool) {
    if !out.is_empty() {
        *pending_space = true;
    }
}

fn push_folded_str(out: &mut String, pending_space: &mut bool, s: &str) {
    for c in s.chars() {
        push_folded_char(out, pending_space, c);
    }
}

fn push_folded_char(out: &mut String, pending_space: &mut bool, c: char) {
    let before = out.len();
    let spaced = *pending_space && !out.is_empty();
    if spaced {
        out.push(' ');
    }
    let start = out.len();
    for lower in c.to_lowercase() {
        unicode_normalization::char::decompose_canonical(lower, |d| {
            if unicode_normalization::char::is_combining_mark(d) {
                return;
            }
            // Letters folded to ASCII spellings, also when they come out of a decomposition
            // ("ǣ" is "æ" plus a macron), so that normalising twice changes nothing.
            match d {
                'ß' | 'ẞ' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'ø' | 'Ø' => out.push('o'),
                'ł' | 'Ł' => out.push('l'),
                'đ' | 'Đ' => out.push('d'),
                'ı' => out.push('i'),
                'þ' | 'Þ' => out.push_str("th"),
                other => out.push(other),
            }
        });
    }
    if out.len() == start {
        // Only combining marks: nothing was written, so no word starts here.
        out.truncate(before);
    } else {
        *pending_space = false;
    }
}

/// True when `surface` may match an acronym-only alias: it has no lower-case letter (`US`,
/// `U.S.`, `WHO`, but not `us` or `Who`).
pub(crate) fn all_caps(surface: &str) -> bool {
    !surface.chars().any(char::is_lowercase)
}

/// True when `surface` looks like a proper name: it has an upper-case letter, or no cased letter
/// at all (scripts without case).
pub(crate) fn name_cased(surface: &str) -> bool {
    let mut cased = false;
    for c in surface.chars() {
        if c.is_uppercase() {
            return true;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    !cased
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        let cases = [
            ("U.S.", "us"),
            ("US", "us"),
            ("United States", "united states"),
            ("the United States", "united states"),
            ("THE_UNITED_NATIONS_", "united nations"),
            ("Iran's", "iran"),
            ("Iran’s", "iran"),
            ("Côte d'Ivoire", "cote divoire"),
            ("Erdoğan", "erdogan"),
            ("Al-Qaeda", "al qaeda"),
            ("AT&T", "at and t"),
            ("  --  ", ""),
            ("The", "the"),
            ("Straße", "strasse"),
            ("Washington D.C.", "washington dc"),
            ("İstanbul", "istanbul"),
            (
                "UNITED_NATIONS_EDUCATIONAL,_SCIENTIFIC",
                "united nations educational scientific",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn casing() {
        assert!(all_caps("U.S."));
        assert!(!all_caps("Us"));
        assert!(name_cased("Iran"));
        assert!(!name_cased("iran"));
        assert!(name_cased("إيران"));
    }
}

#[cfg(test)]
mod idempotence {
    use super::normalize;

    #[test]
    fn letters_folded_after_decomposition_stay_folded() {
        // Found by the property test: "Ǣ" lower-cases to "ǣ", which decomposes to "æ" + macron.
        assert_eq!(normalize("Ǣ"), "ae");
        assert_eq!(normalize(&normalize("Ǣ")), "ae");
        assert_eq!(normalize("Ǿresund"), "oresund");
        assert_eq!(normalize("Straße"), "strasse");
    }
}
