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

/// The ids of `process`'s records and the (line, class) of its error objects.
fn records_and_errors(out: &Output) -> (Vec<String>, Vec<(u64, String)>) {
    let ids = String::from_utf8(out.stdout.clone())
        .expect("records are UTF-8")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    let errors = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["line"].as_u64().unwrap(),
                v["class"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (ids, errors)
}

#[test]
fn process_never_loses_a_line_to_broken_bytes() {
    let good = |id: &str| {
        format!(r#"{{"id":"{id}","body":"Medan - Jembatan baru itu dibuka untuk umum pada Senin pagi."}}"#)
            .into_bytes()
    };
    let lines: Vec<Vec<u8>> = vec![
        [b"\xEF\xBB\xBF".to_vec(), good("bom")].concat(), // 1: a BOM before the first line
        b"{\"id\":\"bad\",\"body\":\"Harga \xff naik.\"}".to_vec(), // 2: invalid byte
        good("after-invalid"),                            // 3
        b"{\"id\":\"cut\",\"body\":\"Kafe \xe2\x82\"}".to_vec(), // 4: truncated multi-byte char
        b"{\"id\":\"long\",\"body\":\"\xc0\xaf\"}".to_vec(), // 5: overlong encoding of '/'
        [good("crlf"), b"\r".to_vec()].concat(),          // 6: CRLF line ending
        b"{\"id\":\"nul\",\"body\":\"a\x00b\"}".to_vec(), // 7: a raw NUL inside a string
        good("last"),                                     // 8, no final newline
    ];
    let input = lines.join(&b'\n');
    let out = warta(&["process"], &[], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (ids, errors) = records_and_errors(&out);
    assert_eq!(ids, ["bom", "after-invalid", "crlf", "last"]);
    assert_eq!(
        errors,
        [
            (2, "invalid_utf8".to_string()),
            (4, "invalid_utf8".to_string()),
            (5, "invalid_utf8".to_string()),
            (7, "invalid_json".to_string()),
        ]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("processed 8 lines: 4 enriched, 4 errors"),
        "{stderr}"
    );
}

#[test]
fn process_reports_a_line_over_the_input_limit_and_goes_on() {
    // A 6 MB line against the default 4 MiB limit (a 100 MB line takes the same path: it
    // is measured while it streams past, never held whole).
    let mut input = br#"{"id":"big","body":""#.to_vec();
    input.extend(std::iter::repeat_n(b'a', 6_000_000));
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(
        br#"{"id":"next","body":"Bogor - Hujan deras membuat sungai meluap pada Selasa malam."}"#,
    );
    let out = warta(&["process"], &[], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (ids, errors) = records_and_errors(&out);
    assert_eq!(ids, ["next"]);
    assert_eq!(errors, [(1, "too_large".to_string())]);
}

#[test]
fn process_output_is_byte_identical_with_one_and_with_two_threads() {
    // Enough lines for several per thread, each with its own id and text.
    let input: String = (0..300)
        .map(|i| {
            format!(
                r#"{{"id":"n{i}","body":"Jakarta - Warga RT {i} membersihkan saluran air pada Minggu pagi. \"Supaya tidak banjir,\" kata Ketua RT Budi Santoso."}}"#
            ) + "\n"
        })
        .collect();
    let run = |threads: &str| {
        let out = warta(
            &["process"],
            &[("WARTA_PROCESSING__CONCURRENCY", threads)],
            input.as_bytes(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The provenance clock is the only field that is not a function of the input.
        let text = String::from_utf8(out.stdout).unwrap();
        without_clock(&text)
    };
    let one = run("1");
    assert_eq!(one.lines().count(), 300);
    assert_eq!(one, run("2"));
}

/// Blanks `processed_at` and `processing_time_us` in every record.
fn without_clock(text: &str) -> String {
    text.lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["provenance"]["processed_at"] = serde_json::Value::Null;
            v["provenance"]["processing_time_us"] = serde_json::Value::Null;
            v.to_string() + "\n"
        })
        .collect()
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
