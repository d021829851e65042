//! The `warta` binary as a user runs it: exit codes, error messages, `process` on JSONL
//! and `check-config` output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
    cmd.args(args)
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn warta");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn process_writes_one_line_per_good_line_and_reports_bad_lines_with_their_number() {
    let input = [
        r#"{"id":"a","title":"Satu","body":"Jakarta - Harga cabai naik lagi pekan ini. \"Kami rugi,\" kata Sutrisno."}"#,
        r#"{"id":"b","body":"#,
        "",
        r#"{"id":"c","body":42}"#,
        r#"{"id":"d","body":"Surabaya - Kapal feri kembali berlayar setelah cuaca membaik."}"#,
    ]
    .join("\n");
    let out = warta(&["process"], &[], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "d"], "good lines, in input order");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<serde_json::Value> = stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(errors[0]["class"], "invalid_json");
    assert_eq!(errors[1]["line"], 4);
    assert_eq!(errors[1]["class"], "wrong_type");
    assert!(
        stderr.contains("processed 5 lines: 2 enriched, 2 errors"),
        "{stderr}"
    );
}

#[test]
fn process_reads_the_indonesian_scraper_fields_with_its_mapping() {
    let line = r#"{"sumber":"liputan6.com","url":"https://x.example/1","judul":"Judul","author":"A","tanggal_publikasi":"18 Jun 2025, 14:05 WIB","isi_berita":"Liputan6.com, Jakarta - Rapat dimulai pukul 09.00 WIB."}"#;
    let out = warta(&["process", "--mapping", "indonews"], &[], line.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Judul");
    assert_eq!(v["source"], "liputan6.com");
    assert_eq!(v["published_at"], "2025-06-18T14:05:00+07:00");
    assert_eq!(v["dateline"]["outlet"], "Liputan6.com");
    assert!(
        v["id"].as_str().unwrap().starts_with("url-"),
        "id derived from the URL"
    );
}

#[test]
fn invalid_config_exits_2_naming_the_key() {
    let out = warta(
        &["check-config"],
        &[("WARTA_PROCESSING__MAX_IN_FLIGHT", "0")],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("processing.max_in_flight"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line of cause: {stderr}");

    let out = warta(&["process", "--mapping", "nope"], &[], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input.mapping"));

    let out = warta(&["no-such-command"], &[], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_config_prints_effective_values_with_secrets_masked() {
    let out = warta(
        &["check-config"],
        &[
            ("WARTA_KAFKA__PROPERTIES__SASL_PASSWORD", "s3cr3t-value"),
            ("WARTA_KAFKA__PROPERTIES__SASL_USERNAME", "warta-user"),
            ("WARTA_TOPICS__INPUT", "custom.in"),
        ],
        b"",
    );
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("s3cr3t-value"), "{stdout}");
    assert!(
        stdout.contains("\"sasl.password\" = \"********\""),
        "{stdout}"
    );
    assert!(stdout.contains("warta-user"));
    assert!(stdout.contains("input = \"custom.in\""), "{stdout}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("s3cr3t-value"));
}

#[test]
fn run_fails_with_exit_1_when_the_metrics_port_is_taken() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = warta(
        &["run"],
        &[
            ("WARTA_TELEMETRY__METRICS_ADDR", addr.as_str()),
            ("WARTA_KAFKA__BROKERS", "127.0.0.1:1"),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("telemetry.metrics_addr") && stderr.contains(&addr),
        "{stderr}"
    );
}
