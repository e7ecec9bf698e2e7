//! Bytes to text: byte-order marks, declared charsets, and lossy UTF-8 that says where it
//! first had to replace a byte.

use encoding_rs::Encoding;

/// Text decoded from bytes, with a note when something had to be replaced.
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// Set when bytes were replaced by U+FFFD: the offset of the first bad byte, relative to
    /// the bytes given, when it is known.
    pub replaced: Option<Option<u64>>,
    /// The encoding used, when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

impl Decoded {
    /// The warning message for a replacement, if there was one.
    pub(crate) fn problem(&self) -> Option<String> {
        self.replaced.map(|_| match self.encoding {
            Some(enc) => format!(
                "bytes that are not valid {enc} were replaced by U+FFFD; nothing was skipped"
            ),
            None => "bytes that are not valid UTF-8 were replaced by U+FFFD; nothing was skipped"
                .to_string(),
        })
    }
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences; a leading UTF-8 BOM is dropped.
pub(crate) fn utf8_lossy(bytes: Vec<u8>) -> Decoded {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            replaced: None,
            encoding: None,
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to() as u64 + bom;
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Decoded {
                text,
                replaced: Some(Some(at)),
                encoding: None,
            }
        }
    }
}

/// Decodes `bytes`: by their byte-order mark if they have one, else by the charset `label`
/// when it names a known encoding other than UTF-8, else as lossy UTF-8.
pub(crate) fn decode(bytes: Vec<u8>, label: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc == encoding_rs::UTF_8 {
            return utf8_lossy(bytes);
        }
        let body = bytes.get(bom..).unwrap_or(&[]);
        return decode_with(enc, body);
    }
    let enc = label.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    match enc {
        Some(enc) if enc != encoding_rs::UTF_8 && enc.output_encoding() != encoding_rs::UTF_8 => {
            decode_with(enc, &bytes)
        }
        _ => utf8_lossy(bytes),
    }
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        replaced: had_errors.then_some(None),
        encoding: Some(enc.name()),
    }
}

/// True when `bytes` start with a UTF-16 byte-order mark.
pub(crate) fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// The `charset=` parameter of a `Content-Type` value.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        if k.trim().eq_ignore_ascii_case("charset") {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            (!v.is_empty()).then(|| v.to_string())
        } else {
            None
        }
    })
}

/// The charset an HTML page declares in a `<meta>` tag within its first 2 KiB, if any
/// (`<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`).
pub(crate) fn sniff_html_charset(head: &[u8]) -> Option<String> {
    let head = head.get(..2048).unwrap_or(head);
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let start = from + i;
        let end = lower
            .get(start..)
            .and_then(|rest| memchr::memchr(b'>', rest))
            .map_or(lower.len(), |j| start + j);
        let tag = lower.get(start..end)?;
        if let Some(k) = memchr::memmem::find(tag, b"charset") {
            let rest = tag.get(k + 7..)?;
            let rest = rest
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .and_then(|p| rest.get(p..))?;
            if let Some(rest) = rest.strip_prefix(b"=") {
                let label: String = rest
                    .iter()
                    .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                    .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
                    .map(|&b| b as char)
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_utf8_reports_first_bad_byte() {
        let d = utf8_lossy(b"ab\xFFcd\xFE".to_vec());
        assert_eq!(d.text, "ab\u{FFFD}cd\u{FFFD}");
        assert_eq!(d.replaced, Some(Some(2)));
        let d = utf8_lossy("\u{FEFF}héllo".as_bytes().to_vec());
        assert_eq!((d.text.as_str(), d.replaced), ("héllo", None));
    }

    #[test]
    fn declared_charsets_and_boms() {
        let d = decode(b"caf\xE9".to_vec(), Some("ISO-8859-1"));
        assert_eq!(d.text, "café");
        assert_eq!(d.replaced, None);
        let d = decode(b"\xFF\xFEh\0i\0".to_vec(), None);
        assert_eq!(d.text, "hi");
        let d = decode(b"caf\xE9".to_vec(), Some("no-such-charset"));
        assert_eq!(d.replaced, Some(Some(3)));
    }

    #[test]
    fn charset_sniffing() {
        assert_eq!(
            charset_param("text/html; charset=\"Windows-1252\""),
            Some("Windows-1252".into())
        );
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(
            sniff_html_charset(b"<html><head><META CHARSET='koi8-r'>"),
            Some("koi8-r".into())
        );
        assert_eq!(
            sniff_html_charset(
                b"<meta name=x><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">"
            ),
            Some("iso-8859-2".into())
        );
        assert_eq!(sniff_html_charset(b"<p>charset=utf-8</p>"), None);
    }
}
