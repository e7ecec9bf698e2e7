//! Serves the bundled demo corpus: `cargo run -p newsgraph-serve --example demo [ADDR]`
//! (what `newsgraph serve --demo` does).

fn main() -> Result<(), newsgraph_serve::ServeError> {
    let mut opts = newsgraph_serve::ServeOptions {
        demo: true,
        ..newsgraph_serve::ServeOptions::default()
    };
    if let Some(addr) = std::env::args().nth(1).and_then(|a| a.parse().ok()) {
        opts.addr = addr;
    }
    newsgraph_serve::serve(opts)
}
