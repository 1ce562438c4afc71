use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = fieldbook::cli::Args::parse();
    match fieldbook::cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fieldbook: {}", fieldbook::safe_text::line(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
