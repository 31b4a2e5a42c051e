//! Trains the language detector's models from the word counts and lists in `src/lexicon/` and
//! writes them where `src/detect/model.rs` embeds them: counted once per build instead of in
//! every process that detects a language.

#[path = "src/detect/grams.rs"]
#[allow(dead_code)]
mod grams;
#[path = "src/detect/train.rs"]
mod train;

fn main() {
    for source in ["build.rs", "src/detect/grams.rs", "src/detect/train.rs"].into_iter().chain(train::SOURCES) {
        println!("cargo::rerun-if-changed={source}");
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("language_models.bin"), train::tables()).expect("writing the language models");
}
