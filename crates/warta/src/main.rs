//! The `warta` command line: parse arguments, load config, call into the library, and
//! map errors to exit codes (2: config or usage, 1: runtime failure).

use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use warta::commands::{self, CommandError};
use warta::config::Config;

#[derive(Parser)]
#[command(
    name = "warta",
    version,
    about = "Streaming enrichment of news articles on Kafka"
)]
struct Cli {
    /// Config file layered over the built-in defaults (WARTA_* variables override both).
    #[arg(long, short, global = true, env = "WARTA_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the worker: consume, enrich, produce, until SIGTERM/SIGINT.
    Run,
    /// Enrich JSONL from a file or stdin to a file or stdout, without Kafka.
    Process {
        /// Input JSONL, or - for stdin.
        #[arg(long, short, default_value = "-")]
        input: String,
        /// Output JSONL, or - for stdout.
        #[arg(long, short, default_value = "-")]
        output: String,
        /// Field mapping to use (a [mappings.NAME] of the config); overrides input.mapping.
        #[arg(long)]
        mapping: Option<String>,
    },
    /// Run the real worker against an in-process mock broker with bundled samples.
    Demo,
    /// End-to-end throughput, latency and memory of `warta run` on a real broker.
    Bench(BenchCli),
    /// Validate the configuration and print the effective values, secrets masked.
    CheckConfig,
    /// Score the pipeline against gold data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Train a model that ships in models/.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
}

#[derive(clap::Args)]
struct BenchCli {
    /// Bootstrap servers (default: kafka.brokers of the config).
    #[arg(long)]
    brokers: Option<String>,
    /// Articles to preload into the input topic.
    #[arg(long, default_value_t = 50_000)]
    articles: usize,
    /// Directory of *.jsonl articles, cycled with fresh ids.
    #[arg(long, default_value = "../shared/data/articles")]
    data: PathBuf,
    #[arg(long, default_value_t = 6)]
    partitions: i32,
    /// Worker processes in the one consumer group.
    #[arg(long, default_value_t = 1)]
    workers: usize,
    /// Modes to measure, in order (passthrough first gives the ratio); empty for none.
    #[arg(long, value_delimiter = ',', default_value = "passthrough,enrich")]
    modes: Vec<String>,
    /// Also measure latency at a fixed offered load.
    #[arg(long)]
    latency: bool,
    /// Offered load of the latency run, articles/s (default: half the enrich throughput).
    #[arg(long)]
    rate: Option<f64>,
    /// Length of the latency run in seconds (300 shows whether RSS stays flat).
    #[arg(long, default_value_t = 30)]
    duration: u64,
    /// Extra environment for the workers, e.g. WARTA_KAFKA__PRODUCER_PROPERTIES__LINGER_MS=20.
    #[arg(long = "worker-env", value_parser = commands::bench::parse_env)]
    worker_env: Vec<(String, String)>,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Entity precision/recall/F1 on CoNLL-style gold (token per line, tag in the last column).
    Ner {
        #[arg(long)]
        gold: PathBuf,
    },
    /// Debris, datelines and mojibake left, and line survival, over scraped JSONL.
    Clean {
        /// Scraped JSONL (body in isi_berita or body); repeat the flag for several.
        #[arg(long, required = true)]
        input: Vec<PathBuf>,
        /// Print up to N input lines that did not survive.
        #[arg(long, default_value_t = 0)]
        show_lost: usize,
        /// Print up to N of the most common removed lines of each kind.
        #[arg(long, default_value_t = 3)]
        show_removed: usize,
    },
    /// Quote F1 and speaker accuracy on PFSA-ID gold (BILOU) or on PolNeAR (English).
    Quotes {
        /// PFSA-ID gold file (BILOU, Indonesian).
        #[arg(long, required_unless_present = "polnear", conflicts_with = "polnear")]
        gold: Option<PathBuf>,
        /// PolNeAR folder with text/*.txt and attributions/*.ann (English).
        #[arg(long)]
        polnear: Option<PathBuf>,
    },
    /// Main-text extraction from HTML on the ScrapingHub benchmark (its own P/R/F1).
    Html {
        /// Folder with ground-truth.json and html/<id>.html.gz.
        #[arg(long)]
        dir: PathBuf,
    },
    /// Language detection calibration: detected shares and confidence distribution.
    Language {
        /// JSONL articles (decoded with the configured mapping); repeat for several.
        #[arg(long)]
        input: Vec<PathBuf>,
        /// ScrapingHub-style ground-truth.json whose articleBody texts are detected.
        #[arg(long)]
        ground_truth: Vec<PathBuf>,
        /// Field mapping to use (a [mappings.NAME] of the config).
        #[arg(long)]
        mapping: Option<String>,
        /// Language code all texts are in, to print the share detected as it.
        #[arg(long)]
        expect: Option<String>,
        /// Show up to this many texts not detected as --expect.
        #[arg(long, default_value_t = 0)]
        show_misses: usize,
        /// Bytes of each body the detector reads (default: the pipeline's).
        #[arg(long)]
        sample_bytes: Option<usize>,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the entity tagger on CoNLL-style files (only data whose license allows shipping).
    Ner {
        /// Training files; repeat the flag for several.
        #[arg(long, required = true)]
        data: Vec<PathBuf>,
        /// Where the model is written.
        #[arg(long, default_value = "models/ner.bin")]
        out: PathBuf,
        /// Seed of the sentence order per epoch and of the recombined copies.
        #[arg(long, default_value_t = warta_train::train::SEED)]
        seed: u64,
        /// Passes over the training sentences.
        #[arg(long, default_value_t = warta_train::train::EPOCHS)]
        epochs: usize,
        /// Hold out every K-th labeled sentence (K ≥ 2) and report the scores on them.
        #[arg(long, value_name = "K")]
        holdout: Option<usize>,
        /// Which slice of --holdout is held out, 0 to K-1 (for cross-validation).
        #[arg(long, default_value_t = 0, requires = "holdout")]
        fold: usize,
        /// Recombined copies of each labeled sentence with entities (0: none).
        #[arg(long, default_value_t = warta_train::train::AUGMENT_COPIES)]
        augment: usize,
        /// log2 of the model's weight rows (1 to 24).
        #[arg(long, default_value_t = warta_train::train::LOG2_BUCKETS)]
        log2_buckets: u32,
        /// Labeled CoNLL files always trained on, never held out; repeat for several.
        #[arg(long, value_name = "FILE")]
        train_only: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    // SAFETY: the first statement of main; no other thread has started.
    unsafe { warta::allocator::fix_mmap_threshold() };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("warta: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn run(cli: Cli) -> Result<(), CommandError> {
    let mut config = Config::load(cli.config.as_deref())?;
    match cli.command {
        Command::Run => tokio_runtime()?.block_on(commands::run::run(config)),
        Command::Process {
            input,
            output,
            mapping,
        } => {
            if let Some(name) = mapping {
                config.input.mapping = name;
                config.validate()?;
            }
            let mut reader: Box<dyn std::io::BufRead> = if input == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                let file = std::fs::File::open(&input).map_err(|e| {
                    CommandError::Usage(format!("cannot open --input {input}: {e}"))
                })?;
                Box::new(BufReader::with_capacity(1 << 20, file))
            };
            let mut writer: Box<dyn std::io::Write> = if output == "-" {
                Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout().lock()))
            } else {
                let file = std::fs::File::create(&output).map_err(|e| {
                    CommandError::Usage(format!("cannot create --output {output}: {e}"))
                })?;
                Box::new(BufWriter::with_capacity(1 << 20, file))
            };
            commands::process::process(
                &config,
                &mut reader,
                &mut writer,
                &mut std::io::stderr().lock(),
            )
            .map(|_| ())
        }
        Command::Demo => {
            warta::telemetry::init_logging(config.telemetry.log_format, "warn");
            tokio_runtime()?.block_on(commands::demo::demo(config, &mut std::io::stdout().lock()))
        }
        Command::Bench(b) => {
            let modes = b.modes.into_iter().filter(|m| !m.is_empty()).collect();
            let args = commands::bench::BenchArgs {
                brokers: b.brokers.unwrap_or_else(|| config.kafka.brokers.clone()),
                articles: b.articles,
                data: b.data,
                partitions: b.partitions,
                workers: b.workers,
                modes,
                latency: b.latency,
                rate: b.rate,
                duration: b.duration,
                config_file: cli.config.clone(),
                worker_env: b.worker_env,
            };
            tokio_runtime()?.block_on(commands::bench::bench(args, &mut std::io::stdout().lock()))
        }
        Command::Eval { what } => {
            let report = match what {
                EvalCommand::Ner { gold } => {
                    warta_train::eval::ner::run(&resources(&config), &[&gold])?
                }
                EvalCommand::Quotes { gold, polnear } => match (gold, polnear) {
                    (_, Some(dir)) => warta_train::eval::polnear::run(&resources(&config), &dir)?,
                    (Some(gold), None) => {
                        warta_train::eval::quotes::run(&resources(&config), &[&gold])?
                    }
                    (None, None) => unreachable!("clap requires --gold or --polnear"),
                },
                EvalCommand::Clean {
                    input,
                    show_lost,
                    show_removed,
                } => {
                    let inputs: Vec<&std::path::Path> = input.iter().map(|p| p.as_path()).collect();
                    warta_train::eval::clean::run(&inputs, show_lost, show_removed)?
                }
                EvalCommand::Html { dir } => warta_train::eval::html::run(&dir)?,
                EvalCommand::Language {
                    input,
                    ground_truth,
                    mapping,
                    expect,
                    show_misses,
                    sample_bytes,
                } => {
                    if let Some(name) = mapping {
                        config.input.mapping = name;
                        config.validate()?;
                    }
                    let mapping = warta_train::eval::language::Mapping {
                        name: &config.input.mapping,
                        fields: config.mapping(),
                        limits: config.decode_limits(),
                    };
                    warta_train::eval::language::run(
                        &mapping,
                        &input,
                        &ground_truth,
                        expect.as_deref(),
                        show_misses,
                        sample_bytes,
                    )?
                }
            };
            print!("{report}");
            Ok(())
        }
        Command::Train { what } => {
            let TrainCommand::Ner {
                data,
                out,
                seed,
                epochs,
                holdout,
                fold,
                augment,
                log2_buckets,
                train_only,
            } = what;
            let options = warta_train::train::Options {
                seed,
                epochs,
                holdout,
                fold,
                augment,
                log2_buckets,
                train_only,
            };
            print!("{}", warta_train::train::run(&data, &out, &options)?);
            Ok(())
        }
        Command::CheckConfig => {
            print!("{}", commands::check_config::check_config(&config)?);
            Ok(())
        }
    }
}

/// The enrichment resources with the configured limits, for the evals.
fn resources(config: &Config) -> warta_core::Resources {
    warta_core::Resources::new(config.enrich_limits())
}

fn tokio_runtime() -> Result<tokio::runtime::Runtime, CommandError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CommandError::Runtime(format!("cannot start async runtime: {e}")))
}
