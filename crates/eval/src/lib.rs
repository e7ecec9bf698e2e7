//! The scorer. (Being written.)
#![deny(missing_docs)]
