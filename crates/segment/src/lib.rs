//! The article layer's stages. (Being written.)
#![deny(missing_docs)]
