//! A window on the actor network: the neighbourhood of one entity, or its busiest part,
//! filtered by time and type.

use std::collections::{HashMap, HashSet, VecDeque};

use newsgraph_store::{day_range, GraphEdge};
use serde_json::{json, Value};

use crate::state::GraphCache;

/// Deepest neighbourhood answered.
pub const MAX_DEPTH: usize = 3;
/// Most nodes one answer holds.
pub const MAX_NODES: usize = 300;

/// What to show.
#[derive(Clone, Debug, Default)]
pub struct GraphQuery {
    /// The entity at the centre (store id); `None`: the busiest entities.
    pub center: Option<i64>,
    /// Steps from the centre.
    pub depth: usize,
    /// Edges with events on or after this date (YYYY, YYYY-MM, YYYY-MM-DD).
    pub since: Option<String>,
    /// Edges with events on or before this date.
    pub until: Option<String>,
    /// Edges carrying this event or relation type ("ASSAULT", "LEADS"), any case.
    pub kind: Option<String>,
    /// Most nodes.
    pub limit: usize,
}

fn keeps(edge: &GraphEdge, q: &GraphQuery, window: (Option<i64>, Option<i64>)) -> bool {
    if let Some(kind) = &q.kind {
        let want = kind.to_uppercase();
        if !edge
            .types
            .iter()
            .any(|t| t.split(':').next() == Some(want.as_str()))
        {
            return false;
        }
    }
    if window == (None, None) {
        return true;
    }
    // Relations have no date: with a time window, an edge needs dated events in it.
    let first = edge.first.as_deref().and_then(day_range).map(|r| r.0);
    let last = edge.last.as_deref().and_then(day_range).map(|r| r.1);
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    window.0.is_none_or(|lo| last >= lo) && window.1.is_none_or(|hi| first <= hi)
}

/// The nodes and edges `q` asks for, as `{"nodes": […], "edges": […], "truncated": bool}`.
pub fn window(graph: &GraphCache, q: &GraphQuery) -> Value {
    let window = (
        q.since.as_deref().and_then(day_range).map(|r| r.0),
        q.until.as_deref().and_then(day_range).map(|r| r.1),
    );
    let limit = q.limit.clamp(1, MAX_NODES);
    let live: Vec<bool> = graph.edges.iter().map(|e| keeps(e, q, window)).collect();
    let mut chosen: Vec<i64> = Vec::new();
    let mut truncated = false;
    match q.center {
        Some(center) => {
            let mut seen: HashSet<i64> = HashSet::from([center]);
            let mut queue = VecDeque::from([(center, 0usize)]);
            chosen.push(center);
            'bfs: while let Some((id, d)) = queue.pop_front() {
                if d >= q.depth.min(MAX_DEPTH) {
                    continue;
                }
                for &ei in graph.adjacent.get(&id).map_or(&[][..], Vec::as_slice) {
                    if !live.get(ei).copied().unwrap_or(false) {
                        continue;
                    }
                    let Some(e) = graph.edges.get(ei) else {
                        continue;
                    };
                    let other = if e.source == id { e.target } else { e.source };
                    if seen.insert(other) {
                        if chosen.len() >= limit {
                            truncated = true;
                            break 'bfs;
                        }
                        chosen.push(other);
                        queue.push_back((other, d + 1));
                    }
                }
            }
        }
        None => {
            let mut degree: HashMap<i64, i64> = HashMap::new();
            for (e, _) in graph.edges.iter().zip(&live).filter(|(_, l)| **l) {
                *degree.entry(e.source).or_default() += e.weight;
                *degree.entry(e.target).or_default() += e.weight;
            }
            let mut ranked: Vec<(i64, i64)> = degree.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            truncated = ranked.len() > limit;
            chosen = ranked.into_iter().take(limit).map(|(id, _)| id).collect();
        }
    }
    let inside: HashSet<i64> = chosen.iter().copied().collect();
    let nodes: Vec<Value> = chosen
        .iter()
        .filter_map(|&id| graph.node(id))
        .map(|n| {
            json!({"id": n.id, "name": n.name, "type": n.kind, "kb_id": n.kb_id,
                   "num_articles": n.num_articles})
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges
        .iter()
        .zip(&live)
        .filter(|(e, l)| **l && inside.contains(&e.source) && inside.contains(&e.target))
        .map(|(e, _)| {
            json!({"source": e.source, "target": e.target, "weight": e.weight,
                   "events": e.events, "relations": e.relations, "types": e.types,
                   "first": e.first, "last": e.last})
        })
        .collect();
    json!({"nodes": nodes, "edges": edges, "truncated": truncated})
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_store::GraphNode;

    fn node(id: i64) -> GraphNode {
        GraphNode {
            id,
            name: format!("N{id}"),
            kind: "ORG".into(),
            kb_id: None,
            num_articles: 1,
        }
    }

    fn edge(s: i64, t: i64, types: &[&str], days: Option<(&str, &str)>) -> GraphEdge {
        GraphEdge {
            source: s,
            target: t,
            weight: 1,
            events: i64::from(days.is_some()),
            relations: i64::from(days.is_none()),
            types: types.iter().map(|t| t.to_string()).collect(),
            first: days.map(|d| d.0.to_string()),
            last: days.map(|d| d.1.to_string()),
        }
    }

    /// A chain 1 → 2 → 3 → 4 and a relation 1 – 5.
    fn chain() -> GraphCache {
        GraphCache::new(
            (1..=5).map(node).collect(),
            vec![
                edge(1, 2, &["ASSAULT:1"], Some(("2025-03-01", "2025-03-01"))),
                edge(2, 3, &["ACCUSE:2"], Some(("2025-05-10", "2025-05-12"))),
                edge(3, 4, &["ASSAULT:1"], Some(("2025-07-01", "2025-07-01"))),
                edge(1, 5, &["LEADS:1"], None),
            ],
        )
    }

    fn ids(v: &Value, key: &str) -> Vec<i64> {
        v[key]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|n| n["id"].as_i64())
            .collect()
    }

    #[test]
    fn depth_bounds_the_neighbourhood() {
        let g = chain();
        let q = |depth| GraphQuery {
            center: Some(1),
            depth,
            limit: 100,
            ..GraphQuery::default()
        };
        assert_eq!(ids(&window(&g, &q(0)), "nodes"), vec![1]);
        assert_eq!(ids(&window(&g, &q(1)), "nodes"), vec![1, 2, 5]);
        assert_eq!(ids(&window(&g, &q(2)), "nodes"), vec![1, 2, 5, 3]);
        let w = window(&g, &q(3));
        assert_eq!(w["edges"].as_array().map(Vec::len), Some(4));
    }

    #[test]
    fn time_and_type_filter_edges() {
        let g = chain();
        let w = window(
            &g,
            &GraphQuery {
                center: Some(2),
                depth: 3,
                since: Some("2025-04".into()),
                until: Some("2025-06-30".into()),
                limit: 100,
                ..GraphQuery::default()
            },
        );
        // Only the May edge is in the window; the undated relation is left out.
        assert_eq!(ids(&w, "nodes"), vec![2, 3]);
        let w = window(
            &g,
            &GraphQuery {
                kind: Some("assault".into()),
                limit: 100,
                ..GraphQuery::default()
            },
        );
        let edges = w["edges"].as_array().map_or(0, Vec::len);
        assert_eq!(edges, 2);
        let w = window(
            &g,
            &GraphQuery {
                limit: 2,
                ..GraphQuery::default()
            },
        );
        assert_eq!(w["truncated"], true);
        assert_eq!(ids(&w, "nodes").len(), 2);
    }
}
