//! Organisations known by one word: the best-known companies, web services and brands, whose
//! names the tagger cannot type from context alone ("Huawei" reads like a person's name,
//! "Twitter" like a verb) and the knowledge base (built from state and political actor
//! dictionaries) does not hold.
//!
//! The list is written by hand from general knowledge of the largest firms and web services,
//! and leaves out names that are also common words, places or frequent surnames ("Shell",
//! "Amazon", "Ford"): a name is taken as written, capitalised, never folded.

/// One-word names of well-known organisations, sorted (bytes) for binary search.
const ORGS: &[&str] = &[
    "Airbnb",
    "Airbus",
    "Alibaba",
    "Aramco",
    "Baidu",
    "Boeing",
    "ByteDance",
    "Carrefour",
    "Chevron",
    "Danone",
    "Deloitte",
    "Disney",
    "Dropbox",
    "Ericsson",
    "ExxonMobil",
    "Facebook",
    "Foxconn",
    "Gazprom",
    "GitHub",
    "Google",
    "Honda",
    "Huawei",
    "Hyundai",
    "IKEA",
    "Instagram",
    "Intel",
    "Lenovo",
    "LinkedIn",
    "Lufthansa",
    "Lyft",
    "Microsoft",
    "Mitsubishi",
    "Moderna",
    "Motorola",
    "Mozilla",
    "Nestlé",
    "Netflix",
    "Nintendo",
    "Nissan",
    "Nokia",
    "Novartis",
    "Nvidia",
    "PayPal",
    "PepsiCo",
    "Pfizer",
    "Pinterest",
    "Qantas",
    "Qualcomm",
    "Reddit",
    "Renault",
    "Rosneft",
    "Ryanair",
    "Samsung",
    "Siemens",
    "Skype",
    "Snapchat",
    "Sony",
    "Spotify",
    "Starbucks",
    "Tencent",
    "TikTok",
    "Toyota",
    "Tumblr",
    "Twitter",
    "Uber",
    "Unilever",
    "Volkswagen",
    "Walmart",
    "WhatsApp",
    "Wikipedia",
    "Xiaomi",
    "Yahoo",
    "YouTube",
    "eBay",
];

/// Whether `w`, as written, is the one-word name of a well-known organisation.
pub(crate) fn org(w: &str) -> bool {
    ORGS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_search() {
        assert!(ORGS.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn names_match_as_written() {
        assert!(org("Huawei"));
        assert!(org("Twitter"));
        assert!(org("eBay"));
        assert!(!org("twitter"));
        assert!(!org("TWITTER"));
        assert!(!org("Okafor"));
        assert!(!org(""));
    }
}
