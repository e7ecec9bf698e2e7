//! Names that are no actor or place, on short invented articles: titles of works, products,
//! ideas, laws and licences; and the actors that must stay beside them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{run, summary, with_name};
use newsgraph_doc::{Doc, EntityType};

fn absent(doc: &Doc, words: &[&str]) {
    for w in words {
        assert!(with_name(doc, w).is_none(), "{w}: {:?}", summary(doc));
    }
}

fn typed(doc: &Doc, text: &str, ty: EntityType) {
    let e = with_name(doc, text).unwrap_or_else(|| panic!("{text}: {:?}", summary(doc)));
    assert_eq!(e.kind, ty, "{text}: {:?}", summary(doc));
}

#[test]
fn a_title_after_a_work_noun_is_no_entity() {
    let doc = run(
        "Writer Doran Velasque lives in Madrid. His latest book, Harbour of Silence, \
         sold well, and the novel Lanterns in Winter is due in May. Velasque also wrote \
         the films Quiet Marrow and Bellhaven Nights.",
    );
    absent(
        &doc,
        &[
            "Harbour of Silence",
            "Harbour",
            "Silence",
            "Lanterns in Winter",
            "Lanterns",
            "Winter",
            "Quiet Marrow",
            "Bellhaven Nights",
        ],
    );
    typed(&doc, "Doran Velasque", EntityType::Person);
    typed(&doc, "Madrid", EntityType::Gpe);
}

#[test]
fn titled_called_and_author_of_name_works() {
    let doc = run(
        "Mirela Ostrovan, author of Tessa on the Moor, spoke on Friday. \
         Her memoir is titled Ninety Steps. The first part is called Allegrine and the second \
         part was called Morvel.",
    );
    absent(
        &doc,
        &[
            "Tessa on the Moor",
            "Tessa",
            "Ninety Steps",
            "Allegrine",
            "Morvel",
        ],
    );
    typed(&doc, "Mirela Ostrovan", EntityType::Person);
}

#[test]
fn a_person_after_a_work_noun_in_a_clause_stays() {
    let doc = run("The film Jonathan Pell directed last year won a prize in Berlin.");
    typed(&doc, "Jonathan Pell", EntityType::Person);
}

#[test]
fn products_before_product_nouns_are_no_entities() {
    let doc = run(
        "The cocktail is topped with Valcour chocolate flakes and Brannick bitters. \
         The Castellan and Osterlo spacecraft carried cameras. Users of the Quillo browser \
         complained. Later, Valcour was sold out, the manager Jana Roberts said.",
    );
    absent(
        &doc,
        &["Valcour", "Brannick", "Castellan", "Osterlo", "Quillo"],
    );
    typed(&doc, "Jana Roberts", EntityType::Person);
}

#[test]
fn a_company_before_its_product_stays_and_the_product_alone_goes() {
    let doc = run(
        "Google Trellio gained users this year. Trellio now has 40 million users, \
         analysts said. A Boeing aircraft landed in Dublin.",
    );
    typed(&doc, "Google", EntityType::Org);
    typed(&doc, "Boeing", EntityType::Org);
    absent(&doc, &["Trellio"]);
}

#[test]
fn a_pollster_is_an_organisation() {
    let doc = run("The latest Tarsk poll placed him at 13 percent, ahead of Mara Voss.");
    typed(&doc, "Tarsk", EntityType::Org);
}

#[test]
fn ideas_laws_and_licences_are_no_entities() {
    let doc = run(
        "She said the pupils had faced Verdanophobia at school. The Clean Rivers Act \
         passed in 2010. The code is released under the Open Quarry license and the text \
         under the Common Words Licence.",
    );
    absent(
        &doc,
        &[
            "Verdanophobia",
            "Quill-Fest",
            "Clean Rivers Act",
            "Clean Rivers",
            "Open Quarry",
            "Common Words Licence",
        ],
    );
}

#[test]
fn adaptations_sequels_and_a_copula_after_a_work_noun_name_works() {
    let doc = run(
        "Director Ilse Marchetti, whose last film was the award-winning Velvet Orbit, \
         is making a sequel to Harrow Lane. She starred in the TV film Confessions of an \
         Idle Lighthouse and plans an adaptation of Greywater Chronicles.",
    );
    absent(
        &doc,
        &[
            "Velvet Orbit",
            "Harrow Lane",
            "Idle Lighthouse",
            "Confessions of an Idle Lighthouse",
            "Greywater Chronicles",
        ],
    );
    typed(&doc, "Ilse Marchetti", EntityType::Person);
}

#[test]
fn a_known_place_before_poll_stays_the_place() {
    let doc = run(
        "A Florida poll released on Monday put the senator ahead, and a poll by Reuters \
         agreed. The latest Reuters poll showed a lead.",
    );
    typed(&doc, "Florida", EntityType::Gpe);
    typed(&doc, "Reuters", EntityType::Org);
}

#[test]
fn the_author_before_a_possessive_title_stays() {
    let doc = run(
        "The play is an adaptation of Corin Aldmere's Salt Harvest, staged in Leeds. \
         Actors read a chapter of Ines Kovar's Winter Orchard.",
    );
    typed(&doc, "Corin Aldmere", EntityType::Person);
    typed(&doc, "Ines Kovar", EntityType::Person);
    absent(&doc, &["Salt Harvest", "Winter Orchard"]);
}

#[test]
fn a_title_after_a_genre_noun_is_no_entity() {
    let doc = run(
        "Actor Ruben Tallis joined the period drama Ashgrove Hall and the legal thriller \
         The Quiet Docket, filmed in Toronto.",
    );
    absent(&doc, &["Ashgrove Hall", "Quiet Docket", "The Quiet Docket"]);
    typed(&doc, "Ruben Tallis", EntityType::Person);
}

#[test]
fn a_name_with_a_work_noun_in_apposition_is_no_entity() {
    let doc = run(
        "Readers loved Marrow Bright, a novel by Elsa Quine, and Tidewater Glass, her \
         debut album, came out in March. Omar Haddix, a film director, lives in Rome.",
    );
    absent(&doc, &["Marrow Bright", "Tidewater Glass"]);
    typed(&doc, "Elsa Quine", EntityType::Person);
    typed(&doc, "Omar Haddix", EntityType::Person);
}

#[test]
fn a_quoted_title_after_a_publishing_verb_and_a_mission_name_are_no_entities() {
    let doc = run(
        "In 2019 the band released \"Corvin Heights\" to good reviews, singer Tomas \
         Reyk said. The Halvard mission reached orbit, the Norwegian Space Agency said.",
    );
    absent(&doc, &["Corvin Heights", "Halvard"]);
    typed(&doc, "Tomas Reyk", EntityType::Person);
}

#[test]
fn a_name_of_unknown_words_before_a_product_noun_is_the_product() {
    let doc = run("Fewer people now use the Quill Nova browser, analyst Petra Lunde said in Oslo.");
    absent(&doc, &["Quill Nova"]);
    typed(&doc, "Petra Lunde", EntityType::Person);
}

#[test]
fn a_name_given_to_a_robot_or_an_album_is_no_entity() {
    let doc = run(
        "The pupils named their robot \"Tobrik\" and entered it in a contest. \
         A chatbot called Ellavox answers questions. They called the album Saltmarsh Hymns, \
         said Dana Ruiz, 41, a singer.",
    );
    absent(&doc, &["Tobrik", "Ellavox", "Saltmarsh Hymns"]);
    typed(&doc, "Dana Ruiz", EntityType::Person);
}

#[test]
fn names_of_shows_and_series_are_no_entities() {
    let doc = run(
        "Kerrin Moss hosted The Late Harbour Show for a decade and voiced a robot in \
         Comet Riders: The Cartoon Series before moving to Leeds.",
    );
    absent(
        &doc,
        &[
            "Late Harbour Show",
            "The Late Harbour Show",
            "Cartoon Series",
        ],
    );
    typed(&doc, "Kerrin Moss", EntityType::Person);
}

#[test]
fn a_compound_common_word_opening_a_sentence_is_no_name() {
    let doc = run(
        "The final was played in Cardiff on Sunday. Roadwork was delayed by an hour \
         because of rain, organiser Lena Brandt said.",
    );
    absent(&doc, &["Roadwork"]);
    typed(&doc, "Lena Brandt", EntityType::Person);
}

#[test]
fn drugs_and_two_word_product_nouns_name_products() {
    let doc = run(
        "Doctors gave him the drug Velorazine, nurse Ana Pires said. Phones running \
         the Corvex operating system and the Tellan space station were hacked, police in \
         Lisbon said.",
    );
    absent(&doc, &["Velorazine", "Corvex", "Tellan"]);
    typed(&doc, "Ana Pires", EntityType::Person);
    typed(&doc, "Lisbon", EntityType::Gpe);
}
