//! Scoring of one gold article against its prediction: score.py's `score_doc` and the
//! functions it calls, with the same counts and the same verbose lines.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use crate::py::{self, Obj};
use crate::rules::{self, greedy_match, keys_match, norm_value, Keys};

/// Counts behind precision and recall: matched and total predictions, matched and total gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub tp_p: usize,
    pub n_p: usize,
    pub tp_g: usize,
    pub n_g: usize,
}

impl Tally {
    fn add(&mut self, tp_p: usize, n_p: usize, tp_g: usize, n_g: usize) {
        self.tp_p += tp_p;
        self.n_p += n_p;
        self.tp_g += tp_g;
        self.n_g += n_g;
    }
}

/// Share of matched items whose detail is right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Accuracy {
    pub right: usize,
    pub n: usize,
}

impl Accuracy {
    fn hit(&mut self, right: bool) {
        self.right += usize::from(right);
        self.n += 1;
    }
}

/// All tallies of a run, named as in score.py's `T`.
#[derive(Debug, Default)]
pub(crate) struct Tallies {
    pub mentions: Tally,
    pub entities: Tally,
    pub quotes_content: Tally,
    pub quotes_source: Tally,
    pub events: Tally,
    pub relations: Tally,
    pub quotes_anonymous: Accuracy,
    pub quotes_count: Accuracy,
    pub events_date: Accuracy,
}

const PLACE: [&str; 3] = ["GPE", "LOC", "FAC"];
const SCORED_TYPES: [&str; 5] = ["PERSON", "ORG", "GPE", "LOC", "FAC"];
const SYMMETRIC: [&str; 2] = ["ALLY_OF", "CONSULT"];

/// `(t or "").upper()`; `None` for a truthy non-string, on which score.py would fail.
fn upper(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) => Some(s.to_uppercase()),
        other if !py::truthy(other) => Some(String::new()),
        _ => None,
    }
}

/// score.py's `coarse`: the type upper-cased, with GPE, LOC and FAC merged into PLACE.
fn coarse(v: Option<&Value>) -> String {
    let t = upper(v).unwrap_or_default();
    if PLACE.contains(&t.as_str()) {
        "PLACE".to_string()
    } else {
        t
    }
}

/// score.py's `MENTION_TYPE`.
fn mention_type(t: &str) -> Option<&'static str> {
    match t {
        "PERSON" | "PER" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        _ => None,
    }
}

fn optional(o: &Obj) -> bool {
    py::truthy(o.get("optional"))
}

/// score.py's `gold_names`: the normalised name and aliases (an empty name is kept).
fn gold_names(g: &Obj) -> Keys {
    let mut names = Keys::new();
    names.insert(norm_value(g.get("name")));
    for a in py::iter_items(g.get("aliases")) {
        names.insert(norm_value(Some(&a)));
    }
    names
}

/// score.py's `pred_names`: the normalised name and non-pronoun mention texts, empties dropped.
fn pred_names(e: &Obj) -> Keys {
    let mut names = Keys::new();
    names.insert(norm_value(e.get("name")));
    for m in py::objects(e, "mentions") {
        if m.get("kind").and_then(Value::as_str) != Some("pronoun") {
            names.insert(norm_value(m.get("text")));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// What one document is scored with: the gold entities and the predicted ones by id.
struct Ctx<'a> {
    gents: Vec<&'a Obj>,
    by_id: HashMap<&'a str, &'a Obj>,
}

impl Ctx<'_> {
    /// score.py's `actor_keys`: the names of the gold entity called `r`, else `r` normalised.
    fn actor_keys(&self, r: &Value) -> Keys {
        for g in &self.gents {
            if g.get("name").is_some_and(|n| py::eq(n, r)) {
                return gold_names(g);
            }
        }
        Keys::from([norm_value(Some(r))])
    }

    /// score.py's `pred_actor_keys`: the names of the predicted entity with id `r`, the text of
    /// a span, or `r` itself normalised.
    fn pred_actor_keys(&self, r: Option<&Value>) -> Keys {
        match r {
            Some(Value::String(s)) if self.by_id.contains_key(s.as_str()) => self
                .by_id
                .get(s.as_str())
                .map(|e| pred_names(e))
                .unwrap_or_default(),
            Some(Value::Object(o)) => Keys::from([norm_value(o.get("text"))]),
            other => Keys::from([norm_value(other)]),
        }
    }
}

/// Where verbose lines go, tagged with the article id.
struct Out<'a> {
    id: &'a str,
    lines: Option<&'a mut Vec<String>>,
}

impl Out<'_> {
    fn on(&self) -> bool {
        self.lines.is_some()
    }

    fn say(&mut self, what: std::fmt::Arguments<'_>) {
        if let Some(lines) = self.lines.as_mut() {
            lines.push(format!("  [{}] {}", self.id, what));
        }
    }
}

/// An offset as score.py may hold it: an int, or `None` (a valid slice bound).
type Off = Option<i64>;

/// A mention span as score.py keys it: (start, end, type). `None` sorts first.
type Span = (Off, Off, String);

fn score_mentions(gold: &Obj, pred: &Obj, t: &mut Tallies, out: &mut Out<'_>) {
    let text: Vec<char> = gold
        .get("text")
        .and_then(Value::as_str)
        .map(|s| s.chars().collect())
        .unwrap_or_default();
    // Offsets must be present; `None` is a valid slice bound in Python, other non-integers
    // would make score.py fail, and are skipped here.
    let offset = |v: Option<&Value>| -> Option<Off> {
        match v? {
            Value::Null => Some(None),
            other => py::as_int(other).map(Some),
        }
    };
    let span_of = |m: &Obj| -> Option<(Off, Off)> {
        let start = offset(m.get("start"))?;
        let end = offset(m.get("end"))?;
        Some(rules::strip_the(&text, start, end))
    };
    let mut g: BTreeSet<Span> = BTreeSet::new();
    for m in py::objects(gold, "mentions") {
        let (Some((s, e)), Some(ty)) = (span_of(m), m.get("type").and_then(Value::as_str)) else {
            continue;
        };
        let ty = ty.to_uppercase();
        let ty = mention_type(&ty).map_or(ty.clone(), str::to_string);
        g.insert((s, e, ty));
    }
    let mut p: BTreeSet<Span> = BTreeSet::new();
    for e in py::objects(pred, "entities") {
        let Some(ty) = upper(e.get("type")).and_then(|u| mention_type(&u)) else {
            continue;
        };
        for m in py::objects(e, "mentions") {
            let is_name = match m.get("kind") {
                None => true,
                Some(k) => k.as_str() == Some("name"),
            };
            if !is_name {
                continue;
            }
            if let Some((s, e)) = span_of(m) {
                p.insert((s, e, ty.to_string()));
            }
        }
    }
    let tp = g.intersection(&p).count();
    t.mentions.add(tp, p.len(), tp, g.len());
    if out.on() {
        let surface = |s: Off, e: Off| -> String {
            py::repr_str(&py::slice_chars(&text, s, e).iter().collect::<String>())
        };
        for (s, e, ty) in g.difference(&p) {
            out.say(format_args!("missed mention: {} {ty}", surface(*s, *e)));
        }
        for (s, e, ty) in p.difference(&g) {
            out.say(format_args!("spurious mention: {} {ty}", surface(*s, *e)));
        }
    }
}

fn score_entities(ctx: &Ctx<'_>, pents: &[&Obj], t: &mut Tallies, out: &mut Out<'_>) {
    let g_req: Vec<&Obj> = ctx
        .gents
        .iter()
        .copied()
        .filter(|g| ["PERSON", "ORG", "PLACE"].contains(&coarse(g.get("type")).as_str()))
        .collect();
    let p_sc: Vec<&Obj> = pents
        .iter()
        .copied()
        .filter(|e| upper(e.get("type")).is_some_and(|u| SCORED_TYPES.contains(&u.as_str())))
        .collect();
    let g_info: Vec<(String, Keys)> = g_req
        .iter()
        .map(|g| (coarse(g.get("type")), gold_names(g)))
        .collect();
    let p_info: Vec<(String, Keys)> = p_sc
        .iter()
        .map(|p| (coarse(p.get("type")), pred_names(p)))
        .collect();
    let ent_ok = |gi: usize, pi: usize| -> bool {
        let (gt, gn) = &g_info[gi];
        let (pt, pn) = &p_info[pi];
        gt == pt && gn.iter().any(|n| pn.contains(n))
    };
    let m = greedy_match(g_req.len(), p_sc.len(), ent_ok);
    let opt_p: Vec<bool> = (0..p_sc.len())
        .map(|pi| !m.pred[pi] && (0..g_req.len()).any(|gi| optional(g_req[gi]) && ent_ok(gi, pi)))
        .collect();
    let n_g = g_req.iter().filter(|g| !optional(g)).count();
    let tp_g = (0..g_req.len())
        .filter(|&gi| m.gold[gi] && !optional(g_req[gi]))
        .count();
    let on_optional = opt_p.iter().filter(|o| **o).count()
        + (0..g_req.len())
            .filter(|&gi| m.gold[gi] && optional(g_req[gi]))
            .count();
    t.entities
        .add(tp_g, p_sc.len().saturating_sub(on_optional), tp_g, n_g);
    if out.on() {
        for (gi, g) in g_req.iter().enumerate() {
            if !m.gold[gi] && !optional(g) {
                out.say(format_args!(
                    "missed entity: {} ({})",
                    py::to_str_opt(g.get("name")),
                    py::to_str_opt(g.get("type"))
                ));
            }
        }
        for (pi, p) in p_sc.iter().enumerate() {
            if !m.pred[pi] && !opt_p[pi] {
                out.say(format_args!(
                    "spurious entity: {} ({})",
                    py::to_str_opt(p.get("name")),
                    py::to_str_opt(p.get("type"))
                ));
            }
        }
    }
}

/// The counts score.py adds for a layer with optional gold items.
fn add_with_optional(tally: &mut Tally, golds: &[&Obj], n_pred: usize, m: &rules::Matching) {
    let opt = (0..golds.len())
        .filter(|&gi| m.gold[gi] && optional(golds[gi]))
        .count();
    let tp_g = (0..golds.len())
        .filter(|&gi| m.gold[gi] && !optional(golds[gi]))
        .count();
    let n_g = golds.iter().filter(|g| !optional(g)).count();
    tally.add(
        m.pred_count().saturating_sub(opt),
        n_pred.saturating_sub(opt),
        tp_g,
        n_g,
    );
}

fn score_quotes(ctx: &Ctx<'_>, gold: &Obj, pred: &Obj, t: &mut Tallies, out: &mut Out<'_>) {
    let empty = Obj::new();
    let gq = py::objects(gold, "quotes");
    let pq = py::objects(pred, "quotes");
    // The content of a predicted quote: `p.get("content") or {}`, its "text" if a dict.
    let pred_content = |p: &Obj| -> Option<Value> {
        let pc = p.get("content");
        if !py::truthy(pc) {
            return None;
        }
        match pc {
            Some(Value::Object(o)) => o.get("text").cloned(),
            other => other.cloned(),
        }
    };
    let g_content: Vec<Option<String>> = gq
        .iter()
        .map(|g| rules::overlap_operand(g.get("content")))
        .collect();
    let p_content: Vec<Option<String>> = pq
        .iter()
        .map(|p| rules::overlap_operand(pred_content(p).as_ref()))
        .collect();
    let content_ok = |gi: usize, pi: usize| -> bool {
        rules::half_both(g_content[gi].as_deref(), p_content[pi].as_deref())
    };
    let source_ok = |gi: usize, pi: usize| -> bool {
        let gs = py::dict_or_empty(gq[gi].get("source"), &empty);
        let ps = py::dict_or_empty(pq[pi].get("source"), &empty);
        if let Some(entity) = gs.get("entity").filter(|e| py::truthy(Some(e))) {
            let keys = ctx.actor_keys(entity);
            if py::truthy(ps.get("entity"))
                && keys_match(&keys, &ctx.pred_actor_keys(ps.get("entity")))
            {
                return true;
            }
            return py::truthy(ps.get("text"))
                && keys_match(&keys, &Keys::from([norm_value(ps.get("text"))]));
        }
        let a = rules::overlap_operand(gs.get("text"));
        let b = rules::overlap_operand(ps.get("text"));
        rules::half_both(a.as_deref(), b.as_deref())
    };

    let m = greedy_match(gq.len(), pq.len(), content_ok);
    add_with_optional(&mut t.quotes_content, &gq, pq.len(), &m);

    let m = greedy_match(gq.len(), pq.len(), |g, p| {
        content_ok(g, p) && source_ok(g, p)
    });
    for &(gi, pi) in &m.pairs {
        let gs = py::dict_or_empty(gq[gi].get("source"), &empty);
        let ps = py::dict_or_empty(pq[pi].get("source"), &empty);
        if let Some(anon) = gs.get("anonymous") {
            t.quotes_anonymous
                .hit(py::truthy(ps.get("anonymous")) == py::truthy(Some(anon)));
        }
        if let Some(count) = gs.get("count").filter(|c| !c.is_null()) {
            let right = py::eq(ps.get("count").unwrap_or(&Value::Null), count);
            t.quotes_count.hit(right);
        }
    }
    add_with_optional(&mut t.quotes_source, &gq, pq.len(), &m);
    if out.on() {
        for (gi, g) in gq.iter().enumerate() {
            if m.gold[gi] || optional(g) {
                continue;
            }
            let content = match g.get("content") {
                Some(Value::String(s)) => py::repr_str(&s.chars().take(60).collect::<String>()),
                other => py::repr(other.unwrap_or(&Value::Null)),
            };
            let gs = py::dict_or_empty(g.get("source"), &empty);
            let who = if py::truthy(gs.get("text")) {
                gs.get("text")
            } else {
                gs.get("entity")
            };
            out.say(format_args!(
                "missed quote: {content} <- {}",
                py::to_str_opt(who)
            ));
        }
        for (pi, p) in pq.iter().enumerate() {
            if m.pred[pi] {
                continue;
            }
            let pc = p.get("content").filter(|c| py::truthy(Some(c)));
            let text = match pc {
                Some(Value::Object(o)) => o.get("text").cloned(),
                Some(other) => Some(other.clone()),
                None => Some(Value::String(String::new())),
            };
            let content = match text {
                Some(Value::String(s)) => py::repr_str(&s.chars().take(60).collect::<String>()),
                None | Some(Value::Null) => py::repr_str(""),
                Some(other) => py::repr(&other),
            };
            let ps = py::dict_or_empty(p.get("source"), &empty);
            out.say(format_args!(
                "unmatched quote: {content} <- {}",
                py::to_str_opt(ps.get("text"))
            ));
        }
    }
}

fn score_events(ctx: &Ctx<'_>, gold: &Obj, pred: &Obj, t: &mut Tallies, out: &mut Out<'_>) {
    let ge = py::objects(gold, "events");
    let pe = py::objects(pred, "events");
    // At least one gold actor is found, and at least half of the predicted actors are gold ones.
    let side_ok = |gside: Option<&Value>, pside: Option<&Value>| -> bool {
        if !py::truthy(gside) {
            return true;
        }
        let pk: Vec<Keys> = py::iter_items(pside)
            .iter()
            .map(|r| ctx.pred_actor_keys(Some(r)))
            .collect();
        let gk: Vec<Keys> = py::iter_items(gside)
            .iter()
            .map(|g| ctx.actor_keys(g))
            .collect();
        let hits = pk
            .iter()
            .filter(|k| gk.iter().any(|g| keys_match(g, k)))
            .count();
        hits > 0 && 2 * hits >= pk.len()
    };
    let ev_ok = |gi: usize, pi: usize| -> bool {
        let (g, p) = (ge[gi], pe[pi]);
        let Some(ptype) = upper(p.get("type")) else {
            return false;
        };
        let gtype = g.get("type").unwrap_or(&Value::Null);
        if !py::eq(gtype, &Value::String(ptype)) {
            return false;
        }
        if side_ok(g.get("source"), p.get("source")) && side_ok(g.get("target"), p.get("target")) {
            return true;
        }
        gtype.as_str().is_some_and(|s| SYMMETRIC.contains(&s))
            && side_ok(g.get("source"), p.get("target"))
            && side_ok(g.get("target"), p.get("source"))
    };
    let m = greedy_match(ge.len(), pe.len(), ev_ok);
    for &(gi, pi) in &m.pairs {
        if let Some(date) = ge[gi].get("date").filter(|d| py::truthy(Some(d))) {
            let pd = pe[pi].get("date");
            let pd = if py::truthy(pd) {
                py::to_str_opt(pd)
            } else {
                String::new()
            };
            t.events_date.hit(py::eq(&Value::String(pd), date));
        }
    }
    add_with_optional(&mut t.events, &ge, pe.len(), &m);
    if out.on() {
        for (gi, g) in ge.iter().enumerate() {
            if !m.gold[gi] && !optional(g) {
                out.say(format_args!(
                    "missed event: {} {} -> {}",
                    py::to_str_opt(g.get("type")),
                    py::to_str_opt(g.get("source")),
                    py::to_str_opt(g.get("target"))
                ));
            }
        }
    }
}

fn score_relations(ctx: &Ctx<'_>, gold: &Obj, pred: &Obj, t: &mut Tallies, out: &mut Out<'_>) {
    let gr = py::objects(gold, "relations");
    let pr = py::objects(pred, "relations");
    let null = Value::Null;
    let rel_ok = |gi: usize, pi: usize| -> bool {
        let (g, p) = (gr[gi], pr[pi]);
        let Some(ptype) = upper(p.get("type")) else {
            return false;
        };
        let gtype = g.get("type").unwrap_or(&null);
        if !py::eq(gtype, &Value::String(ptype)) {
            return false;
        }
        let gs = ctx.actor_keys(g.get("source").unwrap_or(&null));
        let gt = ctx.actor_keys(g.get("target").unwrap_or(&null));
        let ps = ctx.pred_actor_keys(p.get("source"));
        let pt = ctx.pred_actor_keys(p.get("target"));
        if keys_match(&gs, &ps) && keys_match(&gt, &pt) {
            return true;
        }
        gtype.as_str().is_some_and(|s| SYMMETRIC.contains(&s))
            && keys_match(&gs, &pt)
            && keys_match(&gt, &ps)
    };
    let m = greedy_match(gr.len(), pr.len(), rel_ok);
    add_with_optional(&mut t.relations, &gr, pr.len(), &m);
    if out.on() {
        for (gi, g) in gr.iter().enumerate() {
            if !m.gold[gi] && !optional(g) {
                out.say(format_args!(
                    "missed relation: {} {} {}",
                    py::to_str_opt(g.get("source")),
                    py::to_str_opt(g.get("type")),
                    py::to_str_opt(g.get("target"))
                ));
            }
        }
    }
}

/// score.py's `score_doc`: adds one article's counts to `t`, and its verbose lines to `lines`
/// when given.
pub(crate) fn score_doc(
    id: &str,
    gold: &Obj,
    pred: &Obj,
    t: &mut Tallies,
    lines: Option<&mut Vec<String>>,
) {
    let mut out = Out { id, lines };
    if gold.contains_key("mentions") {
        score_mentions(gold, pred, t, &mut out);
    }
    let pents = py::objects(pred, "entities");
    let mut by_id = HashMap::new();
    for e in &pents {
        if let Some(Value::String(eid)) = e.get("id") {
            by_id.insert(eid.as_str(), *e);
        }
    }
    let ctx = Ctx {
        gents: py::objects(gold, "entities"),
        by_id,
    };
    if gold.contains_key("entities") {
        score_entities(&ctx, &pents, t, &mut out);
    }
    score_quotes(&ctx, gold, pred, t, &mut out);
    score_events(&ctx, gold, pred, t, &mut out);
    score_relations(&ctx, gold, pred, t, &mut out);
}
