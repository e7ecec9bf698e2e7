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

use whatlang::Lang;

/// How much of the text is sampled, in bytes.
pub const SAMPLE_BYTES: usize = 2048;

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
    fn scripts() {
        assert_eq!(
            detect_language("اجتمع الوزراء يوم الاثنين واتفقوا على مواصلة المحادثات الأسبوع المقبل"),
            Some("ar")
        );
        assert_eq!(detect_language(""), None);
        assert_ne!(detect_language("Привет"), Some("en"));
    }
}
