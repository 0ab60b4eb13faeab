//! Example programs live beside this file; see `cargo run -p oam-examples --example inspect`.
