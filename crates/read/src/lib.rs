//! Readers: news as people have it in, [`Article`]s out. (Being written.)
#![deny(missing_docs)]
