//! Language identification with `whatlang`, on a prefix of the text.
//!
//! Policy:
//! - A language given with the article (`meta.language`) is kept; the stage does nothing.
//! - Otherwise the first [`SAMPLE_BYTES`] bytes (cut at a character boundary) go to whatlang.
//!   A reliable answer is reported as its ISO 639-1 code ("en", "fr", "ar", ...).
//! - An unreliable answer (short or mixed text) falls back to "en" when at least 90% of the
//!   letters in the sample are ASCII letters, since the pipeline reads English news and short
//!   English text is where whatlang is least sure; otherwise the language is unknown (`None`).
//!   The cost: a short French or Spanish text without accents may be reported as "en".
//! - Text with no letters at all has no language.
//! - Fast path: when at least a fifth of the first [`FAST_PATH_WORDS`] words are English
//!   function words ("the", "of", "and", "said", …) the text is English without asking
//!   whatlang. Trigram scoring is the article layer's costliest step; this check is about a
//!   hundred times cheaper, and in other languages those words are rare (German "in" and
//!   "was", Dutch "is" stay far below a fifth).

use whatlang::Lang;

/// How much of the text is sampled, in bytes.
pub const SAMPLE_BYTES: usize = 2048;

/// Words looked at by the English fast path.
pub const FAST_PATH_WORDS: usize = 64;

/// Function words frequent in English and rare elsewhere (lower case).
const ENGLISH_FUNCTION_WORDS: &[&[u8]] = &[
    b"the", b"of", b"and", b"to", b"in", b"is", b"was", b"for", b"that", b"with", b"said", b"by",
    b"from", b"has", b"have", b"were", b"are", b"his", b"her", b"their", b"this", b"which",
    b"after", b"been", b"will", b"would", b"it", b"its", b"on", b"at", b"he", b"she", b"they",
    b"not", b"but",
];

/// True when the first words of `text` are English by the function-word test.
fn looks_english(text: &str) -> bool {
    let mut words = 0usize;
    let mut hits = 0usize;
    let mut buf = [0u8; 8];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= buf.len() && word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            if ENGLISH_FUNCTION_WORDS.contains(&&*lower) {
                hits += 1;
            }
        }
        if words >= FAST_PATH_WORDS {
            break;
        }
    }
    words >= 16 && hits * 5 >= words
}

/// The ISO 639-1 code of the language of `text`, following the policy above.
///
/// ```
/// use newsgraph_segment::detect_language;
///
/// assert_eq!(detect_language("The ministers met on Monday and agreed to hold further talks next week."), Some("en"));
/// assert_eq!(detect_language("Les ministres se sont réunis lundi et ont convenu de poursuivre les discussions."), Some("fr"));
/// assert_eq!(detect_language("Rain."), Some("en"));
/// assert_eq!(detect_language("1234 --- 5678"), None);
/// ```
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = text.get(..cut).unwrap_or("");
    let (mut letters, mut ascii) = (0usize, 0usize);
    for c in sample.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_ascii() {
                ascii += 1;
            }
        }
    }
    if letters == 0 {
        return None;
    }
    if looks_english(sample) {
        return Some("en");
    }
    if let Some(info) = whatlang::detect(sample) {
        if info.is_reliable() {
            return Some(iso639_1(info.lang()));
        }
    }
    (ascii * 10 >= letters * 9).then_some("en")
}

/// The ISO 639-1 code of a whatlang language.
pub(crate) fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_two_letters() {
        for &l in Lang::all() {
            assert_eq!(iso639_1(l).len(), 2, "{l:?}");
        }
    }

    #[test]
    fn fast_path_takes_english_and_leaves_other_languages_to_whatlang() {
        let en = "The council said on Monday that it would meet again after the vote, and that \
                  the ministers were in favour of the plan to rebuild the port.";
        assert!(looks_english(en));
        let de = "Der Rat sagte am Montag, dass er nach der Abstimmung wieder zusammenkommen \
                  werde und die Minister für den Plan seien, den Hafen wieder aufzubauen.";
        assert!(!looks_english(de));
        assert_eq!(detect_language(de), Some("de"));
        let nl = "De raad zei maandag dat hij na de stemming opnieuw bijeen zou komen en dat \
                  de ministers voor het plan waren om de haven te herbouwen, wat is besloten.";
        assert!(!looks_english(nl));
    }

    #[test]
    fn scripts() {
        assert_eq!(
            detect_language("اجتمع الوزراء يوم الاثنين واتفقوا على مواصلة المحادثات الأسبوع المقبل"),
            Some("ar")
        );
        assert_eq!(detect_language(""), None);
        assert_ne!(detect_language("Привет"), Some("en"));
    }
}
