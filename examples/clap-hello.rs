//! The startup floor for a clap CLI: parse a command line with clap derive and say hello.
//! `benches/run.sh` compares `teamplan check` of one small team with this.

use clap::Parser;

#[derive(Debug, Parser)]
#[command(name = "clap-hello", version, about = "Say hello")]
struct Args {
    /// Whom to greet.
    #[arg(default_value = "world")]
    name: String,
    /// Say it loudly.
    #[arg(long)]
    loud: bool,
}

fn main() {
    let args = Args::parse();
    let greeting = format!("hello, {}", args.name);
    if args.loud {
        println!("{}!", greeting.to_uppercase());
    } else {
        println!("{greeting}");
    }
}
