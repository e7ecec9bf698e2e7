//! Round-three behaviour, on invented sentences: what is no event (requested or permitted
//! acts, descriptions of sources, standing sanctions, generic relative clauses, predictions,
//! goods seized), how actors are found (coordinated verbs, "according to", possessed
//! positions, "N was injured when …", partitives, capitals, groups of a named body,
//! "the body"), new phrase triggers, and one event per attack across sentences.

use newsgraph_doc::{
    ByteSpan, Doc, EntityId, EntityType, Event, EventType, KbLink, Party, Quote, QuoteKind,
    QuoteSource,
};

mod common;
use common::{doc, names, run};

use EntityType::{Gpe, Group, Org, Person};

fn of_kind(ev: &[Event], kind: EventType) -> Vec<&Event> {
    ev.iter().filter(|e| e.kind == kind).collect()
}

/// The one event of type `kind`, with its source and target names.
fn one(d: &Doc, ev: &[Event], kind: EventType) -> (Vec<String>, Vec<String>) {
    let found = of_kind(ev, kind);
    assert_eq!(found.len(), 1, "{kind:?} in {ev:?}");
    (names(d, &found[0].source), names(d, &found[0].target))
}

fn span_of(text: &str, part: &str) -> ByteSpan {
    let b = text.find(part).unwrap_or_default();
    ByteSpan::ordered(b, b + part.len())
}

fn quote(text: &str, kind: QuoteKind, content: &str, speaker: &str) -> Quote {
    Quote {
        kind,
        content: span_of(text, content),
        cue: None,
        negated: false,
        denial: false,
        source: QuoteSource {
            party: Party {
                span: Some(span_of(text, speaker)),
                entity: None,
            },
            ..QuoteSource::default()
        },
        addressee: None,
        outlet: None,
        parent: None,
    }
}

fn set_kb(d: &mut Doc, name: &str, id: &str) {
    for e in d.entities.iter_mut().flatten() {
        if e.name == name {
            e.kb = Some(KbLink {
                id: id.to_string(),
                codes: vec![],
            });
        }
    }
}

#[test]
fn an_act_asked_for_or_permitted_is_no_event() {
    let mut d = doc(
        "Norland asked the Red Cross and the church to mediate.\nThe new statute allows the navy to support harbour wardens.",
        None,
        &[("Norland", Gpe), ("Red Cross", Org)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Consult).is_empty(), "{ev:?}");
    assert!(of_kind(&ev, EventType::Support).is_empty(), "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Request).len(), 1, "{ev:?}");
}

#[test]
fn the_description_of_a_source_reports_no_event() {
    let text = "Three envoys who attended the summit said Norland would pay.";
    let mut d = doc(text, None, &[("Norland", Gpe)]);
    d.quotes = Some(vec![quote(
        text,
        QuoteKind::Indirect,
        "Norland would pay",
        "Three envoys who attended the summit",
    )]);
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Consult).is_empty(), "{ev:?}");
}

#[test]
fn standing_sanctions_are_not_imposed() {
    let mut d = doc(
        "Norland said the ship was used to evade Sudria sanctions.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Sanction).is_empty(), "{ev:?}");
}

#[test]
fn a_generic_relative_clause_is_no_event_and_names_the_threatened() {
    let mut d = doc(
        "The Black Lake Syndicate warned that any official who cooperates with the auditors would be sacked.",
        None,
        &[("Black Lake Syndicate", Org)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Cooperate).is_empty(), "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Black Lake Syndicate"]);
    assert_eq!(t, ["any official who cooperates with the auditors"]);
}

#[test]
fn predictions_and_endangering_are_no_threats() {
    let mut d = doc(
        "The Sudrian Weather Office warned Norland that conditions would be dangerous.\nNorland's naval build-up threatened peace on the coast.",
        None,
        &[("Sudrian Weather Office", Org), ("Norland", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Threaten).is_empty(), "{ev:?}");
}

#[test]
fn goods_seized_are_no_coercion() {
    let mut d = doc(
        "The Red Hand Front seized weapons and documents.",
        None,
        &[("Red Hand Front", Org)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Coerce).is_empty(), "{ev:?}");
}

#[test]
fn a_reporting_agency_and_a_later_verb_are_no_targets() {
    let mut d = doc(
        "Norland summoned the envoy of Sudria and warned it would hit back, according to the Tarso News Agency.\nIvo Drest denied wrongdoing and accused the Belmont Council of bias.",
        None,
        &[
            ("Norland", Gpe),
            ("Sudria", Gpe),
            ("Tarso News Agency", Org),
            ("Ivo Drest", Person),
            ("Belmont Council", Org),
        ],
    );
    let ev = run(&mut d);
    for e in &ev {
        assert!(
            !names(&d, &e.target).contains(&"Tarso News Agency".to_string()),
            "{ev:?}"
        );
    }
    let (s, t) = one(&d, &ev, EventType::Reject);
    assert_eq!(s, ["Ivo Drest"]);
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn positions_named_in_a_states_words_are_its_country() {
    let text =
        "The Norland Defence Ministry said Sudrian gunboats shelled its positions on Sunday.";
    let mut d = doc(
        text,
        None,
        &[
            ("Norland Defence Ministry", Org),
            ("Norland", Gpe),
            ("Sudrian gunboats", Group),
        ],
    );
    let mut q = quote(
        text,
        QuoteKind::Indirect,
        "Sudrian gunboats shelled its positions on Sunday",
        "The Norland Defence Ministry",
    );
    q.source.party.entity = Some(EntityId(0));
    q.source.affiliations = vec![EntityId(1)];
    d.quotes = Some(vec![q]);
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["Sudrian gunboats"]);
    assert_eq!(t, ["Norland"]);
}

#[test]
fn the_injured_of_the_main_clause_are_the_target() {
    let mut d = doc(
        "Two officers were injured when demonstrators hurled rocks.",
        None,
        &[],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["demonstrators"]);
    assert_eq!(t, ["Two officers"]);
}

#[test]
fn a_part_of_those_held_is_a_target() {
    let mut d = doc(
        "Late on Sunday the Norland Police released nine of those held.",
        None,
        &[("Norland Police", Org)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Retreat);
    assert_eq!(s, ["Norland Police"]);
    assert_eq!(t, ["nine of those held"]);
}

#[test]
fn a_capital_acts_with_its_country() {
    let mut d = doc(
        "Norland hosted the talks.\nSudria accused Tarso of lying.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe), ("Tarso", Gpe)],
    );
    set_kb(&mut d, "Norland", "kb:NOR");
    set_kb(&mut d, "Sudria", "kb:SUD");
    set_kb(&mut d, "Tarso", "kb:NOR/tarso");
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Sudria"]);
    assert_eq!(t, ["Tarso", "Norland"]);
}

#[test]
fn walkouts_shop_closures_talks_and_rescues() {
    let mut d = doc(
        "Bus drivers in Velgrad walked off the job after a pay dispute.\nMerchants in the old quarter will shut their stores for two days in protest.\nNorland raised the matter with Sudria on Monday.\nRescue boats pulled 17 fishermen from the sea.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(of_kind(&ev, EventType::Protest).len(), 2, "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Consult);
    assert_eq!(
        (s, t),
        (vec!["Norland".to_string()], vec!["Sudria".to_string()])
    );
    let (s, t) = one(&d, &ev, EventType::Aid);
    assert_eq!(s, ["Rescue boats"]);
    assert_eq!(t, ["17 fishermen"]);
}

#[test]
fn gunmen_from_a_named_body_are_that_body() {
    let mut d = doc(
        "On Sunday night gunmen from the Red Hand Front attacked a customs depot.",
        None,
        &[("gunmen", Group), ("Red Hand Front", Org)],
    );
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["Red Hand Front"]);
}

#[test]
fn the_next_sentence_and_a_claim_tell_more_of_one_attack() {
    let mut d = doc(
        "Masked men ambushed a fuel convoy outside Velgrad at dawn.\nFighters from the Red Hand Front detonated a mine beneath the first tanker.\nThe Red Hand Front later claimed responsibility and said its men had shot dead six guards.",
        None,
        &[("Fighters", Group), ("Red Hand Front", Org)],
    );
    let ev = run(&mut d);
    let attacks = of_kind(&ev, EventType::Assault);
    assert_eq!(attacks.len(), 1, "{ev:?}");
    assert!(names(&d, &attacks[0].source).contains(&"Red Hand Front".to_string()));
    assert_eq!(attacks[0].evidence.len(), 3, "{ev:?}");
}

#[test]
fn a_warning_by_ones_own_side_threatens_what_it_will_attack() {
    let mut d = doc(
        "Ivo Drest warned that his fighters would keep raiding police stations.",
        None,
        &[("Ivo Drest", Person)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Ivo Drest"]);
    assert_eq!(t, ["police stations"]);
}

#[test]
fn signing_is_support_and_a_planned_meeting_is_agreement() {
    let mut d = doc(
        "Norland and Sudria signed a fisheries accord.\nNorland will meet Sudria next week.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert_eq!(of_kind(&ev, EventType::Support).len(), 1, "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Agree).len(), 1, "{ev:?}");
    assert!(of_kind(&ev, EventType::Consult).is_empty(), "{ev:?}");
}

#[test]
fn help_goes_to_the_country_whose_places_the_article_names() {
    let mut d = doc(
        "Fires burned near Tarso and Belmont in Sudria.\nNorland sent two helicopters on Tuesday.",
        None,
        &[
            ("Norland", Gpe),
            ("Sudria", Gpe),
            ("Tarso", Gpe),
            ("Belmont", Gpe),
        ],
    );
    set_kb(&mut d, "Norland", "kb:NOR");
    set_kb(&mut d, "Sudria", "kb:SUD");
    set_kb(&mut d, "Tarso", "kb:SUD/tarso");
    set_kb(&mut d, "Belmont", "kb:SUD/belmont");
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Aid);
    assert_eq!(s, ["Norland"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn a_gapped_pledge_is_a_pledge_of_its_own() {
    let mut d = doc(
        "The Harbour Fund pledged 6 million dollars to Sudria and Norland 9 million francs.",
        None,
        &[("Harbour Fund", Org), ("Sudria", Gpe), ("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let pledges = of_kind(&ev, EventType::Agree);
    assert_eq!(pledges.len(), 2, "{ev:?}");
    assert_eq!(names(&d, &pledges[1].source), ["Norland"]);
}

#[test]
fn the_body_is_the_organisation_named_last() {
    let mut d = doc(
        "The Chess League met in Tarso on Friday.\nA spokesman said the body might expel Norland.",
        None,
        &[("Chess League", Org), ("Tarso", Gpe), ("Norland", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Chess League"]);
    assert_eq!(t, ["Norland"]);
}

#[test]
fn a_past_verb_after_a_name_is_a_verb_and_a_place_may_precede_the_party() {
    let mut d = doc(
        "The Football Union froze payments to Norland.\nSudria reopened the ferry port at Tarso to Red Cross ships.",
        None,
        &[
            ("Football Union", Org),
            ("Norland", Gpe),
            ("Sudria", Gpe),
            ("Tarso", Gpe),
            ("Red Cross", Org),
        ],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Sanction);
    assert_eq!(t, ["Norland"]);
    let (_, t) = one(&d, &ev, EventType::Retreat);
    assert_eq!(t, ["Red Cross"]);
}

#[test]
fn they_in_a_direct_quote_is_not_the_speaker() {
    let text = "\"They opened fire on our boat,\" Ivo Drest told the inquiry.";
    let mut d = doc(text, None, &[("Ivo Drest", Person)]);
    let mut q = quote(
        text,
        QuoteKind::Direct,
        "They opened fire on our boat,",
        "Ivo Drest",
    );
    q.source.party.entity = Some(EntityId(0));
    d.quotes = Some(vec![q]);
    let ev = run(&mut d);
    for e in &ev {
        assert!(
            !names(&d, &e.source).contains(&"Ivo Drest".to_string()),
            "{ev:?}"
        );
    }
}

#[test]
fn victims_named_by_a_reduced_passive_are_no_attackers() {
    let mut d = doc(
        "Villagers buried nine fishermen killed in an ambush by bandits in June.",
        None,
        &[],
    );
    let ev = run(&mut d);
    for e in &ev {
        assert!(
            !names(&d, &e.source).contains(&"fishermen".to_string()),
            "{ev:?}"
        );
        assert!(
            !names(&d, &e.source).contains(&"nine fishermen".to_string()),
            "{ev:?}"
        );
    }
}

#[test]
fn a_relative_clause_after_an_apposition_belongs_to_the_name() {
    let mut d = doc(
        "She founded the Grey Pine League (GPL), a group of former miners who rejected the pension reform.",
        None,
        &[("Grey Pine League", Org)],
    );
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Reject);
    assert_eq!(s, ["Grey Pine League"]);
}

#[test]
fn they_after_the_two_neighbours_are_the_pair() {
    let mut d = doc(
        "Norland and Sudria fought a war in 2020.\nThe shelling was the first involving the two neighbours after they began talks in March.",
        Some("2024-05-01"),
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    set_kb(&mut d, "Norland", "kb:NOR");
    set_kb(&mut d, "Sudria", "kb:SUD");
    let ev = run(&mut d);
    let talks = of_kind(&ev, EventType::Consult);
    assert_eq!(talks.len(), 1, "{ev:?}");
    let mut both = names(&d, &talks[0].source);
    both.extend(names(&d, &talks[0].target));
    both.sort();
    assert_eq!(both, ["Norland", "Sudria"]);
}

#[test]
fn the_first_of_two_joined_verbs_gives_the_subject() {
    let text = "Ana Velmor said the Audit Office had investigated and rejected nine claims.";
    let mut d = doc(text, None, &[("Ana Velmor", Person), ("Audit Office", Org)]);
    let mut q = quote(
        text,
        QuoteKind::Indirect,
        "the Audit Office had investigated and rejected nine claims",
        "Ana Velmor",
    );
    q.source.party.entity = Some(EntityId(0));
    q.cue = Some(span_of(text, "said"));
    d.quotes = Some(vec![q]);
    let ev = run(&mut d);
    // Looking into claims accuses nobody; the rejection is the office's.
    assert!(of_kind(&ev, EventType::Accuse).is_empty(), "{ev:?}");
    let (s, _) = one(&d, &ev, EventType::Reject);
    assert_eq!(s, ["Audit Office"]);
}

#[test]
fn a_named_victim_tells_a_sourceless_arrest_apart_but_a_hedge_does_not() {
    let mut d = doc(
        "The treasurer, Ivo Drest, was detained on Tuesday.\nIts pilot, Marko Tal, was believed to have been killed in the crash.",
        None,
        &[("Ivo Drest", Person), ("Marko Tal", Person)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Coerce);
    assert!(s.is_empty(), "{s:?}");
    assert_eq!(t, ["Ivo Drest"]);
    assert!(of_kind(&ev, EventType::Assault).is_empty(), "{ev:?}");
}

#[test]
fn the_object_of_a_bare_relative_clause_is_the_named_place() {
    let mut d = doc(
        "Food lorries entered Tarso, a port the rebels have blockaded since spring.",
        None,
        &[("Tarso", Gpe), ("rebels", Group)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Coerce);
    assert_eq!(s, ["rebels"]);
    assert_eq!(t, ["Tarso"]);
}

#[test]
fn clashing_over_figures_is_a_dispute() {
    let mut d = doc(
        "The Statistics Office and the Finance Ministry clashed over last year's inflation figures.",
        None,
        &[("Statistics Office", Org), ("Finance Ministry", Org)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Assault).is_empty(), "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Statistics Office"]);
    assert_eq!(t, ["Finance Ministry"]);
}

#[test]
fn sending_experts_is_help_and_a_promise_of_it_an_agreement() {
    let mut d = doc(
        "The Medical Corps announced it would deploy nine doctors to Sudria.",
        None,
        &[("Medical Corps", Org), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Mobilize).is_empty(), "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Agree);
    assert_eq!(s, ["Medical Corps"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn denied_allegations_in_a_report_answer_its_author() {
    let mut d = doc(
        "Ivo Drest denied allegations in a Velgrad Forum audit report.",
        None,
        &[("Ivo Drest", Person), ("Velgrad Forum", Org)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Reject);
    assert_eq!(s, ["Ivo Drest"]);
    assert_eq!(t, ["Velgrad Forum"]);
}

#[test]
fn a_mediator_mediates_between_the_parties_and_a_walkout_leaves_the_host() {
    let mut d = doc(
        "Norland held talks with Sudria in Tarso.\nIvo Drest, a veteran envoy who has mediated the negotiations for a year, urged patience.\nThe Velgrad Forum hosted a summit on Monday.\nThe summit collapsed when Norland's delegation walked out.",
        None,
        &[
            ("Norland", Gpe),
            ("Sudria", Gpe),
            ("Ivo Drest", Person),
            ("Velgrad Forum", Org),
        ],
    );
    let ev = run(&mut d);
    let mediated = ev
        .iter()
        .find(|e| e.kind == EventType::Consult && names(&d, &e.source) == ["Ivo Drest"])
        .unwrap();
    assert_eq!(names(&d, &mediated.target), ["Norland", "Sudria"]);
    let (s, t) = one(&d, &ev, EventType::Protest);
    assert_eq!(s, ["Norland"]);
    assert_eq!(t, ["Velgrad Forum"]);
}

#[test]
fn joined_plural_nouns_name_one_group() {
    let mut d = doc(
        "The Red Hand Front has killed hundreds of miners and teachers.",
        None,
        &[("Red Hand Front", Org)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Assault);
    assert_eq!(t, ["hundreds of miners and teachers"]);
}

#[test]
fn bare_police_stand_beside_the_named_force_and_a_speaker_beside_their_body() {
    let text =
        "Police detained 14 people.\nIvo Drest said the Norland Police Force would investigate.";
    let mut d = doc(
        text,
        None,
        &[
            ("Police", Group),
            ("Norland Police Force", Org),
            ("Ivo Drest", Person),
            ("Sudria", Gpe),
        ],
    );
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Coerce);
    assert_eq!(s, ["Police", "Norland Police Force"]);

    let text = "Ivo Drest accused Marko Tal of lying.\n\"We are right,\" Ivo Drest said.";
    let mut d = doc(
        text,
        None,
        &[
            ("Ivo Drest", Person),
            ("Marko Tal", Person),
            ("Blue Party", Org),
        ],
    );
    let mut q = quote(text, QuoteKind::Direct, "We are right,", "Ivo Drest said");
    q.source.party.entity = Some(EntityId(0));
    q.source.affiliations = vec![EntityId(2)];
    d.quotes = Some(vec![q]);
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Ivo Drest", "Blue Party"]);
    assert_eq!(t, ["Marko Tal"]);
}

#[test]
fn phone_calls_joint_work_and_own_evacuations() {
    let mut d = doc(
        "Norland's president phoned Sudria's president on Tuesday.\nNorland police worked with Sudrian authorities to break up the ring.\nNorland and Sudria launched joint patrols on the river.\nWestmark evacuated its embassy in Tarso.",
        None,
        &[
            ("Norland", Gpe),
            ("Sudria", Gpe),
            ("Norland police", Group),
            ("Sudrian authorities", Group),
            ("Westmark", Gpe),
            ("Tarso", Gpe),
        ],
    );
    let ev = run(&mut d);
    assert_eq!(of_kind(&ev, EventType::Consult).len(), 1, "{ev:?}");
    let coop = of_kind(&ev, EventType::Cooperate);
    assert_eq!(coop.len(), 2, "{ev:?}");
    assert_eq!(names(&d, &coop[1].source), ["Norland"]);
    assert_eq!(names(&d, &coop[1].target), ["Sudria"]);
    let (s, _) = one(&d, &ev, EventType::Retreat);
    assert_eq!(s, ["Westmark"]);
    assert!(of_kind(&ev, EventType::Aid).is_empty(), "{ev:?}");
}

#[test]
fn a_counterpart_is_a_target_and_a_claims_owner_is_kept() {
    let mut d = doc(
        "The Norland president met his Sudrian counterpart.\nWestmark rejected Norland's claim to the island.",
        None,
        &[("Norland", Gpe), ("Westmark", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Consult);
    assert_eq!(t, ["Sudrian counterpart"]);
    let (_, t) = one(&d, &ev, EventType::Reject);
    assert_eq!(t, ["Norland"]);
}

#[test]
fn what_a_decision_or_ultimatum_is_for_has_not_happened() {
    let mut d = doc(
        "Sudria condemned Norland's decision to release the water.\nThe junta issued an ultimatum to Westmark to withdraw its envoy.",
        None,
        &[("Sudria", Gpe), ("Norland", Gpe), ("Westmark", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Retreat).is_empty(), "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Accuse).len(), 1, "{ev:?}");
}

#[test]
fn long_subjects_rescuers_and_alerts() {
    let mut d = doc(
        "Hundreds of teachers at state schools in Tarso walked out on Monday.\nRescuers from Norland pulled 30 survivors from the rubble.\nSudria put its troops on high alert.",
        None,
        &[("Tarso", Gpe), ("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Protest);
    assert_eq!(s, ["Hundreds of teachers at state schools in Tarso"]);
    let (s, _) = one(&d, &ev, EventType::Aid);
    assert_eq!(s, ["Rescuers from Norland"]);
    let (s, _) = one(&d, &ev, EventType::Mobilize);
    assert_eq!(s, ["Sudria"]);
}

#[test]
fn troops_sent_to_no_one_are_a_show_of_force() {
    let mut d = doc(
        "Norland sent troops to its border with Sudria.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Aid).is_empty(), "{ev:?}");
    let (s, _) = one(&d, &ev, EventType::Mobilize);
    assert_eq!(s, ["Norland"]);
}

#[test]
fn what_is_denied_is_no_event() {
    let mut d = doc(
        "Norland denied that its forces had targeted civilians.",
        None,
        &[("Norland", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Assault).is_empty(), "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Reject).len(), 1, "{ev:?}");
}

#[test]
fn a_description_acts_beside_the_country_it_names() {
    let mut d = doc(
        "Norland's president accused Sudria of lying.\nSudrian forces attacked Tarso.",
        None,
        &[
            ("Norland", Gpe),
            ("Sudria", Gpe),
            ("Sudrian forces", Group),
            ("Tarso", Gpe),
        ],
    );
    set_kb(&mut d, "Norland", "kb:NOR");
    set_kb(&mut d, "Sudria", "kb:SUD");
    if let Some(e) = d.entities.as_mut().and_then(|v| v.get_mut(2)) {
        e.affiliations = vec![EntityId(1)];
    }
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Norland's president", "Norland"]);
    assert_eq!(t, ["Sudria"]);
    let (s, _) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["Sudrian forces", "Sudria"]);
}

#[test]
fn a_new_clause_after_a_comma_and_is_no_list_and_own_forces_are_no_target() {
    let mut d = doc(
        "Norland ordered the troops to leave the country, and Westmark withdrew its forces in May.",
        None,
        &[("Norland", Gpe), ("Westmark", Gpe), ("forces", Group)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Retreat);
    assert_eq!(s, ["Westmark"]);
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn the_forces_massed_are_no_target_and_agreeing_parties_face_each_other() {
    let mut d = doc(
        "Norland massed troops on its border.\nNorland and Sudria agreed to end their dispute.",
        None,
        &[("Norland", Gpe), ("troops", Group), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    let (_, t) = one(&d, &ev, EventType::Mobilize);
    assert!(t.is_empty(), "{t:?}");
    let (s, t) = one(&d, &ev, EventType::Agree);
    assert_eq!(s, ["Norland"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn another_countrys_army_is_not_the_governments_and_expelled_migrants_are_coerced() {
    let mut d = doc(
        "Sudria held elections.\nThe Norlandic army shelled positions near the border with Sudria.\nThe Sudria government expelled hundreds of migrants.",
        None,
        &[("Sudria", Gpe), ("Norlandic", Gpe)],
    );
    set_kb(&mut d, "Sudria", "kb:SUD");
    set_kb(&mut d, "Norlandic", "kb:NOR");
    let ev = run(&mut d);
    let (s, _) = one(&d, &ev, EventType::Assault);
    assert_eq!(s, ["Norlandic"]);
    assert!(of_kind(&ev, EventType::Sanction).is_empty(), "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Coerce).len(), 1, "{ev:?}");
}

#[test]
fn a_conditional_block_is_a_threat_and_a_request_names_who_is_asked() {
    let mut d = doc(
        "Norland said it would block Sudria's bid unless Sudria changed course.\nWestmark called for more weapons from Norland.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe), ("Westmark", Gpe)],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Threaten);
    assert_eq!(s, ["Norland"]);
    assert_eq!(t, ["Sudria"]);
    let (s, t) = one(&d, &ev, EventType::Request);
    assert_eq!(s, ["Westmark"]);
    assert_eq!(t, ["Norland"]);
}

#[test]
fn an_allegation_in_reported_speech_is_the_speakers() {
    let text = "The Norland ministry said Sudria was responsible for the blast.\nSudria was responsible for the delay.";
    let mut d = doc(text, None, &[("Norland ministry", Org), ("Sudria", Gpe)]);
    let mut q = quote(
        text,
        QuoteKind::Indirect,
        "Sudria was responsible for the blast",
        "The Norland ministry",
    );
    q.source.party.entity = Some(EntityId(0));
    d.quotes = Some(vec![q]);
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Norland ministry"]);
    assert_eq!(t, ["Sudria"]);
}

#[test]
fn lifting_ones_own_ban_is_one_concession_and_prisoners_go_to_a_party() {
    let mut d = doc(
        "Norland lifted its ban on grain imports.\nSudria returned 18 prisoners of war to Norland on Friday.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Sanction).is_empty(), "{ev:?}");
    assert_eq!(of_kind(&ev, EventType::Concede).len(), 1, "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Retreat);
    assert_eq!(s, ["Sudria"]);
    assert_eq!(t, ["18 prisoners of war", "Norland"]);
}

#[test]
fn a_verb_joined_to_an_unresolved_cue_takes_the_cues_subject() {
    let text = "The Rights Commission said police had arrested 50 people, and accused officers of using force.";
    let mut d = doc(text, None, &[("Rights Commission", Org), ("police", Group)]);
    let mut q = quote(
        text,
        QuoteKind::Indirect,
        "police had arrested 50 people",
        "Commission",
    );
    q.cue = Some(span_of(text, "said"));
    d.quotes = Some(vec![q]);
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Rights Commission"]);
    assert_eq!(t, ["officers"]);
}

#[test]
fn the_arrests_named_again_point_to_who_made_them_and_defending_oneself_is_no_support() {
    let mut d = doc(
        "The Norland Police arrested 50 protesters on Monday.\nIvo Drest condemned the arrests.\nMarko Tal told reporters he will defend himself at trial.",
        None,
        &[
            ("Norland Police", Org),
            ("Ivo Drest", Person),
            ("Marko Tal", Person),
        ],
    );
    let ev = run(&mut d);
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(s, ["Ivo Drest"]);
    assert_eq!(t, ["Norland Police"]);
    assert!(of_kind(&ev, EventType::Support).is_empty(), "{ev:?}");
    assert!(of_kind(&ev, EventType::Agree).is_empty(), "{ev:?}");
}

#[test]
fn riders_a_second_verb_group_and_air_strikes() {
    let text = "At dawn, gunmen on motorbikes stormed the hamlet of Tarso.\nThe army said it had launched an operation and had killed eight of them in air strikes.";
    let mut d = doc(text, None, &[("gunmen", Group), ("Tarso", Gpe)]);
    d.quotes = Some(vec![quote(
        text,
        QuoteKind::Indirect,
        "it had launched an operation and had killed eight of them in air strikes",
        "The army",
    )]);
    let ev = run(&mut d);
    let attacks = of_kind(&ev, EventType::Assault);
    assert_eq!(attacks.len(), 2, "{ev:?}");
    assert_eq!(names(&d, &attacks[0].source), ["gunmen"]);
    assert_eq!(names(&d, &attacks[1].source), ["The army"]);
    assert_eq!(names(&d, &attacks[1].target), ["eight of them"]);
    assert_eq!(attacks[1].evidence.len(), 2, "{ev:?}");
}

#[test]
fn diplomatic_protests_backing_scrambles_and_extraditions() {
    let mut d = doc(
        "Norland lodged a formal protest with Sudria over the arms sale.\nWestmark announced its backing for Norland's bid.\nSudria scrambled fighter jets on Monday.\nWestmark extradited a drug lord to Sudria.",
        None,
        &[("Norland", Gpe), ("Sudria", Gpe), ("Westmark", Gpe)],
    );
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Protest).is_empty(), "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Accuse);
    assert_eq!(
        (s, t),
        (vec!["Norland".to_string()], vec!["Sudria".to_string()])
    );
    let (s, _) = one(&d, &ev, EventType::Support);
    assert_eq!(s, ["Westmark"]);
    let (s, t) = one(&d, &ev, EventType::Mobilize);
    assert_eq!(s, ["Sudria"]);
    assert!(t.is_empty(), "{t:?}");
    assert!(of_kind(&ev, EventType::Coerce).is_empty(), "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Cooperate);
    assert_eq!(
        (s, t),
        (vec!["Westmark".to_string()], vec!["Sudria".to_string()])
    );
}

#[test]
fn a_place_after_a_preposition_is_inside_the_subject() {
    let mut d = doc(
        "An airstrike on southern Tarso killed a senior commander.",
        None,
        &[("Tarso", Gpe)],
    );
    let ev = run(&mut d);
    for e in &ev {
        assert!(
            !names(&d, &e.source).contains(&"Tarso".to_string()),
            "{ev:?}"
        );
    }
}

#[test]
fn what_a_denied_report_says_is_no_event_and_a_regulator_acts() {
    let mut d = doc(
        "Orvane Holdings denied a report by the weekly Velgrad Courier that it had urged the mayor to scrap a tender.\nThe Norland regulator fined Orvane Holdings last month.",
        None,
        &[("Orvane Holdings", Org), ("Velgrad Courier", Org), ("Norland", Gpe)],
    );
    set_kb(&mut d, "Norland", "kb:NOR");
    let ev = run(&mut d);
    assert!(of_kind(&ev, EventType::Request).is_empty(), "{ev:?}");
    let (s, t) = one(&d, &ev, EventType::Sanction);
    assert_eq!(s, ["The Norland regulator", "Norland"]);
    assert_eq!(t, ["Orvane Holdings"]);
}

#[test]
fn the_two_neighbours_of_an_opening_sentence_are_the_pair_named_in_it() {
    let mut d = doc(
        "Norland and Sudria exchanged artillery fire overnight, the first incident involving the two neighbours after they began talks in March.",
        Some("2024-05-01"),
        &[("Norland", Gpe), ("Sudria", Gpe)],
    );
    set_kb(&mut d, "Norland", "kb:NOR");
    set_kb(&mut d, "Sudria", "kb:SUD");
    let ev = run(&mut d);
    let talks = of_kind(&ev, EventType::Consult);
    assert_eq!(talks.len(), 1, "{ev:?}");
    let mut both = names(&d, &talks[0].source);
    both.extend(names(&d, &talks[0].target));
    both.sort();
    assert_eq!(both, ["Norland", "Sudria"]);
}
