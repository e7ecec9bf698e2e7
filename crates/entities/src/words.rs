//! Closed word lists: head words that type a name, role nouns, pronouns, collective nouns.
//!
//! Every list is sorted lower-case ASCII and searched by binary search over a stack buffer, so a
//! lookup allocates nothing. The lists hold general English vocabulary only, never names.

use newsgraph_doc::EntityType;

/// Last words that make a name a region or natural feature (LOC).
const LOC_HEADS: &[&str] = &[
    "archipelago",
    "archipelagos",
    "atoll",
    "atolls",
    "badlands",
    "basin",
    "bay",
    "bight",
    "canyon",
    "channel",
    "coast",
    "corridor",
    "cove",
    "crater",
    "creek",
    "delta",
    "desert",
    "deserts",
    "dunes",
    "escarpment",
    "estuary",
    "falls",
    "firth",
    "fjord",
    "fjords",
    "glacier",
    "glaciers",
    "gorge",
    "gulf",
    "heights",
    "highlands",
    "hills",
    "island",
    "islands",
    "isle",
    "isles",
    "isthmus",
    "lagoon",
    "lagoons",
    "lake",
    "lakes",
    "lowlands",
    "massif",
    "moors",
    "mountain",
    "mountains",
    "ocean",
    "oceans",
    "peninsula",
    "plain",
    "plains",
    "plateau",
    "prairie",
    "rainforest",
    "range",
    "reef",
    "reefs",
    "region",
    "rift",
    "river",
    "rivers",
    "sea",
    "seas",
    "shelf",
    "shoal",
    "shoals",
    "sound",
    "steppe",
    "steppes",
    "strait",
    "straits",
    "strip",
    "tundra",
    "uplands",
    "valley",
    "volcano",
    "wetlands",
];

/// Last words that make a name a building or structure (FAC).
const FAC_HEADS: &[&str] = &[
    "abbey",
    "airbase",
    "airfield",
    "airport",
    "airstrip",
    "amphitheater",
    "amphitheatre",
    "aqueduct",
    "arena",
    "auditorium",
    "avenue",
    "barracks",
    "base",
    "basilica",
    "boulevard",
    "bridge",
    "building",
    "canal",
    "castle",
    "cathedral",
    "causeway",
    "cemetery",
    "checkpoint",
    "citadel",
    "coliseum",
    "dam",
    "expressway",
    "fort",
    "freeway",
    "gate",
    "hall",
    "highway",
    "hotel",
    "library",
    "lighthouse",
    "mall",
    "market",
    "mausoleum",
    "monument",
    "mosque",
    "motorway",
    "museum",
    "pagoda",
    "palace",
    "parkway",
    "pier",
    "pipeline",
    "plaza",
    "port",
    "prison",
    "quay",
    "racecourse",
    "refinery",
    "road",
    "shrine",
    "skyscraper",
    "speedway",
    "square",
    "stadium",
    "station",
    "street",
    "synagogue",
    "temple",
    "terminal",
    "terrace",
    "tower",
    "towers",
    "tunnel",
    "turnpike",
    "velodrome",
    "viaduct",
    "wall",
    "wharf",
];

/// Last words that make a name an organisation (ORG).
const ORG_HEADS: &[&str] = &[
    "academy",
    "agency",
    "airline",
    "airlines",
    "airways",
    "alliance",
    "archives",
    "army",
    "assembly",
    "association",
    "authority",
    "band",
    "bank",
    "battalion",
    "board",
    "brigade",
    "brigades",
    "broadcasting",
    "bureau",
    "cabinet",
    "capital",
    "center",
    "centre",
    "chronicle",
    "church",
    "club",
    "co",
    "coalition",
    "coastguard",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "confederation",
    "congress",
    "conservatory",
    "consulate",
    "corp",
    "corporation",
    "corps",
    "council",
    "courier",
    "court",
    "daily",
    "department",
    "directorate",
    "embassy",
    "energy",
    "examiner",
    "exchange",
    "fc",
    "federation",
    "force",
    "forces",
    "forum",
    "foundation",
    "front",
    "fund",
    "gazette",
    "group",
    "guard",
    "guards",
    "herald",
    "holdings",
    "hospital",
    "inc",
    "industries",
    "inquirer",
    "institute",
    "institution",
    "journal",
    "league",
    "legion",
    "lodge",
    "ltd",
    "magazine",
    "media",
    "militia",
    "mining",
    "ministry",
    "mission",
    "movement",
    "navy",
    "network",
    "news",
    "observatory",
    "observer",
    "office",
    "orchestra",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "party",
    "plc",
    "police",
    "post",
    "press",
    "programme",
    "radio",
    "records",
    "research",
    "review",
    "school",
    "secretariat",
    "securities",
    "senate",
    "service",
    "services",
    "shipping",
    "society",
    "star",
    "studies",
    "studio",
    "studios",
    "team",
    "telegraph",
    "television",
    "times",
    "tribunal",
    "tribune",
    "trust",
    "tv",
    "union",
    "university",
];

/// Words that, right before "Center" or "Centre", make the name a place or building rather
/// than an organisation ("Convention Centre", "Space Center", "Shopping Center"; a research
/// or policy centre stays an organisation).
const FAC_CENTRE_MODIFIERS: &[&str] = &[
    "aquatic",
    "aquatics",
    "civic",
    "community",
    "conference",
    "congress",
    "convention",
    "detention",
    "distribution",
    "exhibition",
    "financial",
    "leisure",
    "recreation",
    "rocket",
    "science",
    "shopping",
    "space",
    "sports",
    "town",
    "trade",
    "trading",
    "transit",
    "visitor",
    "visitors",
];

/// Acronyms of common nouns, units, times and formats ("CEO", "GDP", "DNA", "TV"): written in
/// capitals, but no names.
const COMMON_ACRONYMS: &[&str] = &[
    "ac", "ad", "ai", "aids", "aka", "am", "ar", "asap", "atm", "bbq", "bc", "bce", "bst", "cc",
    "cd", "cds", "ce", "ceo", "ceos", "cet", "cfo", "co2", "coo", "covid", "cpu", "cst", "ct",
    "cto", "diy", "dj", "dna", "dvd", "edt", "est", "ev", "evs", "faq", "fm", "fyi", "gb", "gdp",
    "gif", "gifs", "gmt", "gnp", "gp", "gps", "hd", "hiv", "hq", "hr", "html", "http", "https",
    "id", "ie", "ipo", "iq", "irc", "ist", "ivf", "jpeg", "kg", "km", "lcd", "led", "lgbt",
    "lgbtq", "lol", "mb", "md", "mers", "mp", "mp3", "mph", "mps", "mri", "nb", "ngo", "ngos",
    "ok", "os", "pc", "pdf", "pdt", "phd", "pm", "pov", "pr", "ps", "pst", "ptsd", "qc", "ram",
    "rip", "rna", "rov", "rsvp", "sars", "sc", "sim", "sms", "sql", "suv", "tb", "tv", "ufo",
    "url", "usb", "usd", "utc", "vat", "vip", "vm", "vr", "www", "xml", "xp",
];

/// Words that name an organisation when they open a name before "of" ("Ministry of Health").
const ORG_OPENERS: &[&str] = &[
    "academy",
    "bank",
    "bureau",
    "church",
    "college",
    "council",
    "court",
    "department",
    "house",
    "institute",
    "league",
    "ministry",
    "office",
    "organisation",
    "organization",
    "party",
    "school",
    "university",
];

/// Nouns for a person's role or office: heads of descriptions ("the foreign minister") and
/// words of titles ("Iran's supreme leader Ali Khamenei").
const ROLE_NOUNS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "assistant",
    "attorney",
    "ayatollah",
    "boss",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cleric",
    "coach",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "coordinator",
    "correspondent",
    "councillor",
    "counsel",
    "counterpart",
    "deputy",
    "diplomat",
    "director",
    "economist",
    "editor",
    "emir",
    "envoy",
    "executive",
    "founder",
    "general",
    "governor",
    "head",
    "imam",
    "judge",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "manager",
    "mayor",
    "minister",
    "negotiator",
    "officer",
    "official",
    "premier",
    "presenter",
    "president",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "rapporteur",
    "representative",
    "researcher",
    "ruler",
    "scientist",
    "second-in-command",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strongman",
    "sultan",
];

/// Role nouns that name the person at the head of an organisation or country ("the head of X",
/// "X's leader").
const HEAD_NOUNS: &[&str] = &[
    "boss",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "emir",
    "head",
    "king",
    "leader",
    "premier",
    "president",
    "queen",
    "ruler",
    "strongman",
    "sultan",
];

/// Lower-case words that may sit inside a title before the role noun ("supreme leader",
/// "foreign minister", "deputy prime minister").
const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "chief",
    "defence",
    "defense",
    "deputy",
    "economy",
    "education",
    "energy",
    "finance",
    "foreign",
    "former",
    "general",
    "health",
    "interim",
    "interior",
    "justice",
    "military",
    "national",
    "oil",
    "political",
    "prime",
    "regional",
    "senior",
    "spiritual",
    "state",
    "supreme",
    "top",
    "trade",
    "vice",
];

/// Nouns that describe an organisation ("the Palestinian group", "the company").
const ORG_NOUNS: &[&str] = &[
    "agency",
    "alliance",
    "authority",
    "bank",
    "bureau",
    "coalition",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "faction",
    "federation",
    "firm",
    "forum",
    "fund",
    "group",
    "insurer",
    "insurgency",
    "lender",
    "militia",
    "ministry",
    "mission",
    "movement",
    "network",
    "observatory",
    "operator",
    "organisation",
    "organization",
    "party",
    "shipowner",
    "union",
];

/// Collective nouns for unnamed actors not in the knowledge base's agent list.
const GROUP_NOUNS: &[&str] = &[
    "authorities",
    "demonstrators",
    "diplomats",
    "fighters",
    "forces",
    "gunmen",
    "insurgents",
    "jihadists",
    "lawmakers",
    "militants",
    "militias",
    "officials",
    "police",
    "protesters",
    "protestors",
    "rebels",
    "residents",
    "soldiers",
    "troops",
    "villagers",
    "workers",
];

/// Words after a hyphen that make the name before it an affiliation ("Iran-backed").
const AFFIL_SUFFIXES: &[&str] = &[
    "aligned",
    "allied",
    "backed",
    "based",
    "funded",
    "led",
    "linked",
    "run",
    "sponsored",
    "supported",
];

/// Names of religions and religious or political communities (NORP) that are not demonyms.
const NORP_WORDS: &[&str] = &[
    "alawite",
    "alawites",
    "buddhist",
    "buddhists",
    "catholic",
    "catholics",
    "christian",
    "christians",
    "communist",
    "communists",
    "democrat",
    "democrats",
    "druze",
    "evangelical",
    "evangelicals",
    "hindu",
    "hindus",
    "islamic",
    "islamist",
    "islamists",
    "jew",
    "jewish",
    "jews",
    "kurd",
    "kurdish",
    "kurds",
    "muslim",
    "muslims",
    "orthodox",
    "protestant",
    "protestants",
    "republican",
    "republicans",
    "salafi",
    "salafist",
    "shi'ite",
    "shi'ites",
    "shia",
    "shiite",
    "shiites",
    "sikh",
    "sikhs",
    "socialist",
    "socialists",
    "sunni",
    "sunnis",
    "yazidi",
    "yazidis",
];

/// Words that never start or make up a name on their own, though written with a capital
/// (sentence-initial function words, days, months).
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "and",
    "april",
    "august",
    "but",
    "december",
    "emeritus",
    "february",
    "friday",
    "he",
    "her",
    "his",
    "i",
    "in",
    "it",
    "its",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "on",
    "saturday",
    "september",
    "she",
    "sunday",
    "the",
    "their",
    "they",
    "thursday",
    "tuesday",
    "we",
    "wednesday",
];

/// Words in other languages (ASCII spellings) that open the name of a movement, party, front or
/// armed group ("Harakat …", "Jabhat …", "Frente …", "Partido …").
const FOREIGN_ORG_OPENERS: &[&str] = &[
    "ahrar",
    "ansar",
    "banca",
    "banco",
    "bloque",
    "colegio",
    "collegio",
    "coordinadora",
    "escuela",
    "frente",
    "fuerzas",
    "harakat",
    "hizb",
    "institut",
    "instituto",
    "istituto",
    "jabhat",
    "jaish",
    "jamaat",
    "kataib",
    "liceo",
    "mouvement",
    "movimento",
    "movimiento",
    "parti",
    "partido",
    "partito",
    "saraya",
    "scuola",
    "tanzim",
    "universidad",
    "universidade",
    "universitat",
];

/// The days of the week: never part of a name ("X said Sunday" is no "X Sunday").
const WEEKDAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Head words of the names of events, holidays, prizes, treaties, laws, licences and shows
/// ("… Day", "… Olympics", "… Cup", "… Agreement", "… Act", "… Convention", "… License", "…
/// Show", "… Series"): not persons, places or organisations.
const EVENT_HEADS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "acts",
    "agreement",
    "amendment",
    "award",
    "awards",
    "carnival",
    "championship",
    "championships",
    "charter",
    "convention",
    "conventions",
    "cup",
    "day",
    "declaration",
    "expo",
    "fest",
    "festival",
    "games",
    "jubilee",
    "licence",
    "licences",
    "license",
    "licenses",
    "marathon",
    "month",
    "olympiad",
    "olympics",
    "paralympics",
    "prize",
    "protocol",
    "series",
    "show",
    "tournament",
    "treaty",
    "week",
];

/// Verbs that, right after a plural name, show it acts as a group ("the X have launched", "X
/// say").
const PLURAL_AGENT_VERBS: &[&str] = &[
    "accused",
    "announced",
    "are",
    "attacked",
    "claimed",
    "control",
    "controlled",
    "denied",
    "fired",
    "fought",
    "have",
    "launched",
    "said",
    "say",
    "seized",
    "stormed",
    "threatened",
    "took",
    "vowed",
    "warned",
    "were",
];

/// Last words of the names of fields of study ("Marine Ecology", "Public Policy", "Sport
/// Studies").
const FIELD_NOUNS: &[&str] = &[
    "accounting",
    "administration",
    "agronomy",
    "analytics",
    "anthropology",
    "archaeology",
    "architecture",
    "arts",
    "astronomy",
    "astrophysics",
    "biochemistry",
    "biology",
    "botany",
    "chemistry",
    "communication",
    "communications",
    "counseling",
    "counselling",
    "criminology",
    "dentistry",
    "design",
    "ecology",
    "economics",
    "education",
    "engineering",
    "epidemiology",
    "ethics",
    "finance",
    "forestry",
    "genetics",
    "geography",
    "geology",
    "history",
    "horticulture",
    "humanities",
    "immunology",
    "informatics",
    "journalism",
    "languages",
    "law",
    "leadership",
    "linguistics",
    "literature",
    "literatures",
    "management",
    "marketing",
    "mathematics",
    "mechanics",
    "medicine",
    "microbiology",
    "music",
    "musicology",
    "neuroscience",
    "nursing",
    "oceanography",
    "pedagogy",
    "pharmacology",
    "philosophy",
    "photography",
    "physics",
    "planning",
    "policy",
    "psychology",
    "robotics",
    "science",
    "sciences",
    "sociology",
    "statistics",
    "studies",
    "theology",
    "theory",
    "zoology",
];

/// Words of the names of religious festivals and public holidays ("Ramadan", "Eid",
/// "Diwali", "Yom Kippur", "Easter"): events, no persons, places or organisations.
const HOLIDAYS: &[&str] = &[
    "advent",
    "ascension",
    "ashura",
    "carnival",
    "chanukah",
    "christmas",
    "christmastime",
    "deepavali",
    "diwali",
    "dussehra",
    "easter",
    "eid",
    "epiphany",
    "hajj",
    "halloween",
    "hanukkah",
    "hashanah",
    "hogmanay",
    "holi",
    "kippur",
    "kwanzaa",
    "lent",
    "mawlid",
    "navratri",
    "navruz",
    "nowruz",
    "onam",
    "passover",
    "pentecost",
    "pesach",
    "pongal",
    "purim",
    "ramadan",
    "ramzan",
    "rosh",
    "shavuot",
    "songkran",
    "sukkot",
    "thanksgiving",
    "umrah",
    "vaisakhi",
    "vesak",
    "whitsun",
    "xmas",
    "yom",
    "yuletide",
];

/// Nouns that may follow a holiday's name inside one name of the holiday or of an event on it
/// ("Christmas Eve", "Diwali Celebrations", "Hajj Stampede").
const HOLIDAY_TAILS: &[&str] = &[
    "celebration",
    "celebrations",
    "eve",
    "feast",
    "festivities",
    "holiday",
    "holidays",
    "offensive",
    "parade",
    "parades",
    "pilgrimage",
    "prayer",
    "prayers",
    "season",
    "services",
    "stampede",
    "truce",
    "vigil",
];

/// The longest word the lists hold, in bytes.
const MAX_WORD: usize = 23;

/// Lower-cases `word` (ASCII letters; curly apostrophes folded to `'`, a final period dropped)
/// into `buf`, returning the folded slice; `None` for words too long or not ASCII.
fn fold<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let word = word.strip_suffix('.').unwrap_or(word);
    let mut n = 0;
    for c in word.chars() {
        let b = match c {
            '\u{2019}' | '\u{2018}' | '`' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
        if n > MAX_WORD {
            return None;
        }
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

fn in_list(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 24];
    fold(word, &mut buf).is_some_and(|w| list.binary_search(&w).is_ok())
}

/// The type a name's last word gives it ("Red Sea" → LOC, "Cairo Airport" → FAC, "Defence
/// Ministry" → ORG), if any.
pub(crate) fn head_type(word: &str) -> Option<EntityType> {
    if in_list(LOC_HEADS, word) {
        Some(EntityType::Loc)
    } else if in_list(FAC_HEADS, word) {
        Some(EntityType::Fac)
    } else if in_list(ORG_HEADS, word) {
        Some(EntityType::Org)
    } else {
        None
    }
}

/// The type of a name ending in `before` `last`: [`head_type`] of `last`, except that a
/// centre named for what happens in its building ("Convention Centre", "Space Center") is a
/// facility, not an organisation.
pub(crate) fn head_type_pair(before: &str, last: &str) -> Option<EntityType> {
    let ty = head_type(last);
    if ty == Some(EntityType::Org)
        && (is(last, "center") || is(last, "centre"))
        && in_list(FAC_CENTRE_MODIFIERS, before)
    {
        return Some(EntityType::Fac);
    }
    ty
}

/// Whether `word` ends the name of a field of study ("… Ecology", "… Studies").
pub(crate) fn is_field_noun(word: &str) -> bool {
    in_list(FIELD_NOUNS, word)
}

/// Whether `word` names a religious festival or a public holiday ("Ramadan", "Diwali").
pub(crate) fn is_holiday(word: &str) -> bool {
    in_list(HOLIDAYS, word)
}

/// Whether `word` may follow a holiday's name in one name ("… Eve", "… Celebrations").
pub(crate) fn is_holiday_tail(word: &str) -> bool {
    in_list(HOLIDAY_TAILS, word)
}

/// Whether `word` is the acronym of a common noun, unit, time zone or format ("CEO", "TV").
pub(crate) fn is_common_acronym(word: &str) -> bool {
    in_list(COMMON_ACRONYMS, word)
}

/// Whether `word` opens an organisation's name before "of" ("Ministry of …").
pub(crate) fn is_org_opener(word: &str) -> bool {
    in_list(ORG_OPENERS, word)
}

/// Whether `word` is a noun for a person's role ("minister", "spokesman").
pub(crate) fn is_role_noun(word: &str) -> bool {
    in_list(ROLE_NOUNS, word)
}

/// Whether `word` is a role noun for the person at the head of something ("leader", "head").
pub(crate) fn is_head_noun(word: &str) -> bool {
    in_list(HEAD_NOUNS, word)
}

/// Whether `word` may sit inside a title before its role noun ("supreme", "foreign").
pub(crate) fn is_title_modifier(word: &str) -> bool {
    in_list(TITLE_MODIFIERS, word)
}

/// Whether `word` describes an organisation ("group", "company").
pub(crate) fn is_org_noun(word: &str) -> bool {
    in_list(ORG_NOUNS, word)
}

/// Whether `word` is a collective noun for an unnamed actor outside the knowledge base's list.
pub(crate) fn is_group_noun(word: &str) -> bool {
    in_list(GROUP_NOUNS, word)
}

/// Foreign words for a place or building that open its name ("Wadi X", "Masjid X", "Piazza
/// X"), with the type they give it.
const FOREIGN_PLACE_OPENERS: &[(&str, EntityType)] = &[
    ("isla", EntityType::Loc),
    ("jabal", EntityType::Loc),
    ("jebel", EntityType::Loc),
    ("lago", EntityType::Loc),
    ("masjid", EntityType::Fac),
    ("piazza", EntityType::Fac),
    ("playa", EntityType::Loc),
    ("plaza", EntityType::Fac),
    ("wadi", EntityType::Loc),
];

/// The type a foreign place word opening a name gives it ("Wadi" → LOC, "Masjid" → FAC).
pub(crate) fn foreign_place_opener(word: &str) -> Option<EntityType> {
    let mut buf = [0u8; 24];
    let w = fold(word, &mut buf)?;
    FOREIGN_PLACE_OPENERS
        .binary_search_by(|(k, _)| (*k).cmp(w))
        .ok()
        .and_then(|i| FOREIGN_PLACE_OPENERS.get(i))
        .map(|(_, t)| *t)
}

/// Nouns for a person by sex, age, kin, trade or calling: in an apposition after a name ("X,
/// an Australian woman,", "Y, a retired teacher,") they make the name a person's.
const PERSON_NOUNS: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "artist",
    "athlete",
    "author",
    "biologist",
    "boy",
    "brother",
    "businessman",
    "businesswoman",
    "chemist",
    "client",
    "composer",
    "customer",
    "dancer",
    "daughter",
    "designer",
    "doctor",
    "driver",
    "engineer",
    "fan",
    "farmer",
    "father",
    "filmmaker",
    "girl",
    "grandfather",
    "grandmother",
    "historian",
    "husband",
    "journalist",
    "lecturer",
    "linguist",
    "man",
    "mathematician",
    "mother",
    "musician",
    "novelist",
    "nurse",
    "painter",
    "patient",
    "philosopher",
    "photographer",
    "physician",
    "physicist",
    "pilot",
    "player",
    "poet",
    "politician",
    "psychologist",
    "reporter",
    "resident",
    "singer",
    "sister",
    "sociologist",
    "son",
    "student",
    "surgeon",
    "teacher",
    "teenager",
    "veteran",
    "widow",
    "wife",
    "woman",
    "writer",
];

/// Whether `word` names a person by sex, age, kin, trade or calling ("woman", "teacher").
pub(crate) fn is_person_noun(word: &str) -> bool {
    in_list(PERSON_NOUNS, word)
}

/// Whether `word`, after a hyphen, makes the name before it an affiliation ("backed").
pub(crate) fn is_affil_suffix(word: &str) -> bool {
    in_list(AFFIL_SUFFIXES, word)
}

/// Whether `word` names a religion or community ("Shi'ite", "Kurds").
pub(crate) fn is_norp_word(word: &str) -> bool {
    in_list(NORP_WORDS, word)
}

/// Whether `word` opens an organisation's name in another language ("Harakat", "Frente").
pub(crate) fn is_foreign_org_opener(word: &str) -> bool {
    in_list(FOREIGN_ORG_OPENERS, word)
}

/// Whether `word` is a day of the week.
pub(crate) fn is_weekday(word: &str) -> bool {
    in_list(WEEKDAYS, word)
}

/// Whether `word` heads the name of an event, holiday or prize ("Day", "Olympics", "Cup").
pub(crate) fn is_event_head(word: &str) -> bool {
    in_list(EVENT_HEADS, word)
}

/// Whether `word`, right after a plural name, shows the name acts as a group.
pub(crate) fn is_plural_agent_verb(word: &str) -> bool {
    in_list(PLURAL_AGENT_VERBS, word)
}

/// Whether `word` can never be a name on its own ("The", "Monday").
pub(crate) fn is_not_name(word: &str) -> bool {
    in_list(NOT_NAMES, word)
}

/// Whether `word` equals `lower` ignoring ASCII case.
pub(crate) fn is(word: &str, lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower)
}

/// Whether `word` is a determiner that may open a description.
pub(crate) fn is_determiner(word: &str) -> bool {
    is(word, "the") || is(word, "a") || is(word, "an")
}

/// Whether `word` starts with an upper-case letter.
pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` has a letter and no lower-case letter ("IAEA", "U.N.").
pub(crate) fn all_caps(word: &str) -> bool {
    let mut letter = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        letter |= c.is_alphabetic();
    }
    letter
}

/// Whether `word` has a letter or digit.
pub(crate) fn has_alnum(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// Pronoun classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he, him, his, himself.
    Male,
    /// she, her, hers, herself.
    Female,
    /// it, its, itself.
    Neuter,
    /// they, them, their, theirs, themselves.
    Plural,
}

/// The class of a third-person pronoun.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 24];
    let w = fold(word, &mut buf)?;
    Some(match w {
        "he" | "him" | "his" | "himself" => Pronoun::Male,
        "she" | "her" | "hers" | "herself" => Pronoun::Female,
        "it" | "its" | "itself" => Pronoun::Neuter,
        "they" | "them" | "their" | "theirs" | "themselves" => Pronoun::Plural,
        _ => return None,
    })
}

/// Gender a title or role word implies.
pub(crate) fn title_gender(word: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 24];
    let w = fold(word, &mut buf)?;
    match w {
        "mr" | "sir" | "king" | "prince" | "lord" | "spokesman" | "chairman" | "congressman"
        | "father" | "brother" | "emir" | "sultan" | "sheikh" | "ayatollah" | "imam" => {
            Some(Pronoun::Male)
        }
        "mrs" | "ms" | "miss" | "madam" | "queen" | "princess" | "lady" | "dame"
        | "spokeswoman" | "chairwoman" | "congresswoman" | "sister" => Some(Pronoun::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_place_openers_are_sorted_and_found() {
        assert!(FOREIGN_PLACE_OPENERS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(foreign_place_opener("Wadi"), Some(EntityType::Loc));
        assert_eq!(foreign_place_opener("Masjid"), Some(EntityType::Fac));
        assert_eq!(foreign_place_opener("Street"), None);
    }

    #[test]
    fn lists_are_sorted_lower_case_and_short() {
        for list in [
            LOC_HEADS,
            FAC_HEADS,
            ORG_HEADS,
            ORG_OPENERS,
            ROLE_NOUNS,
            HEAD_NOUNS,
            TITLE_MODIFIERS,
            ORG_NOUNS,
            GROUP_NOUNS,
            AFFIL_SUFFIXES,
            NORP_WORDS,
            NOT_NAMES,
            WEEKDAYS,
            EVENT_HEADS,
            FOREIGN_ORG_OPENERS,
            PLURAL_AGENT_VERBS,
            FAC_CENTRE_MODIFIERS,
            COMMON_ACRONYMS,
            PERSON_NOUNS,
            FIELD_NOUNS,
            HOLIDAYS,
            HOLIDAY_TAILS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list
                .iter()
                .all(|w| w.len() <= MAX_WORD && *w == w.to_lowercase()));
        }
    }

    #[test]
    fn lookups_fold_case_and_apostrophes() {
        assert_eq!(head_type("Sea"), Some(EntityType::Loc));
        assert_eq!(head_type("AIRPORT"), Some(EntityType::Fac));
        assert_eq!(head_type("Corp."), Some(EntityType::Org));
        assert!(is_norp_word("Shi’ite"));
        assert_eq!(pronoun("His"), Some(Pronoun::Male));
        assert!(!is_role_noun("Ministerialbürokratie"));
        assert!(!is_role_noun(""));
    }
}
