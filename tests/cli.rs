//! End-to-end tests: the `hizala` binary on the seeds and on fixtures, as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn hizala() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hizala"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("hizala runs");
    assert!(out.status.success(), "exit {:?}\nstderr: {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    out
}

fn with_stdin(cmd: &mut Command, input: &str) -> String {
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("hizala runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

type Row = std::collections::HashMap<String, String>;

fn read_csv(path: &Path) -> (Vec<String>, Vec<Row>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows =
        reader.records().map(|r| headers.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect();
    (headers, rows)
}

const PARAGRAPHS_HEADER: &str = "doc,paragraph,kind,lang,confidence,pair,first_line,last_line,text";
const PARALLEL_HEADER: &str = "doc,pair,tr,en,tr_paragraphs,en_paragraphs,bead,score";
const SENTENCES_HEADER: &str = "doc,pair,sentence,tr,en,bead,score";

fn run_seeds(threads: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    run_ok(hizala().arg("run").arg(root().join("seeds")).arg("--out").arg(out.path()).args(["--threads", threads]));
    out
}

#[test]
fn seeds_produce_both_csv_files_with_exact_headers() {
    let out = run_seeds("2");
    let (h, rows) = read_csv(&out.path().join("paragraphs.csv"));
    assert_eq!(h.join(","), PARAGRAPHS_HEADER);
    assert!(rows.len() > 200);
    let (h, pairs) = read_csv(&out.path().join("parallel.csv"));
    assert_eq!(h.join(","), PARALLEL_HEADER);
    // Every pair is split into sentences, and every sentence of it is in sentences.csv.
    let (h, sentences) = read_csv(&out.path().join("sentences.csv"));
    assert_eq!(h.join(","), SENTENCES_HEADER);
    for pair in &pairs {
        let rows: Vec<&Row> = sentences.iter().filter(|r| r["pair"] == pair["pair"]).collect();
        assert!(!rows.is_empty(), "pair {} has no sentences", pair["pair"]);
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let tr: String = rows.iter().map(|r| squeeze(&r["tr"])).collect();
        let en: String = rows.iter().map(|r| squeeze(&r["en"])).collect();
        assert_eq!(tr, squeeze(&pair["tr"]));
        assert_eq!(en, squeeze(&pair["en"]));
        assert!(rows.iter().all(|r| r["bead"] != "1-1" || r["score"].parse::<f64>().unwrap() > 0.5));
    }
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["totals"]["documents"], 5);
    assert_eq!(report["totals"]["skipped"], 0);
    assert_eq!(report["totals"]["paragraphs"].as_u64().unwrap() as usize, rows.len());
}

#[test]
fn seed_001_oz_is_paired_with_its_abstract_and_summary_with_introduction() {
    let out = run_seeds("2");
    let (_, paragraphs) = read_csv(&out.path().join("paragraphs.csv"));
    let (_, pairs) = read_csv(&out.path().join("parallel.csv"));
    let doc = "001_0dc9a332025a6927.txt";
    let oz = paragraphs
        .iter()
        .find(|r| r["doc"] == doc && r["text"].starts_with("Bu çalışma, Pakistan ve Türkiye"))
        .unwrap();
    assert_eq!((oz["kind"].as_str(), oz["lang"].as_str()), ("body", "tr"));
    let abstract_ = paragraphs
        .iter()
        .find(|r| r["doc"] == doc && r["text"].starts_with("This study focuses on analysing"))
        .unwrap();
    assert!(!oz["pair"].is_empty(), "the Öz is paired");
    assert_eq!(oz["pair"], abstract_["pair"], "the Öz is paired with the Abstract");

    let pair = pairs.iter().find(|p| p["pair"] == oz["pair"]).unwrap();
    assert_eq!(pair["bead"], "1-1");
    assert!(pair["score"].parse::<f64>().unwrap() > 0.9);

    // The summary's paragraphs pair with the introduction, in order, including one 1-2 bead.
    let doc_pairs: Vec<&Row> = pairs.iter().filter(|p| p["doc"] == doc).collect();
    assert_eq!(doc_pairs.len(), 7);
    assert_eq!(doc_pairs.iter().filter(|p| p["bead"] == "1-2").count(), 1);
    assert!(doc_pairs[1]["en"].starts_with("Pakistan and Türkiye have boasted"));
    assert!(doc_pairs[6]["tr"].starts_with("11 Eylül olaylarının"));
    assert!(doc_pairs[6]["en"].starts_with("Following the events of 9/11"));
}

#[test]
fn monolingual_seeds_have_no_pairs() {
    let out = run_seeds("2");
    let (_, pairs) = read_csv(&out.path().join("parallel.csv"));
    assert!(pairs.iter().all(|p| p["doc"] == "001_0dc9a332025a6927.txt"));
}

#[test]
fn every_source_line_belongs_to_a_paragraph() {
    let out = run_seeds("2");
    let (_, paragraphs) = read_csv(&out.path().join("paragraphs.csv"));
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let ranges: Vec<(usize, usize)> = paragraphs
            .iter()
            .filter(|r| r["doc"] == name)
            .map(|r| (r["first_line"].parse().unwrap(), r["last_line"].parse().unwrap()))
            .collect();
        for (i, line) in text.lines().enumerate() {
            let no = i + 1;
            if !line.trim().is_empty() {
                assert!(ranges.iter().any(|&(a, b)| a <= no && no <= b), "{name}:{no} is in no paragraph: {line:?}");
            }
        }
    }
}

#[test]
fn one_thread_and_two_threads_write_identical_bytes() {
    let one = run_seeds("1");
    let two = run_seeds("2");
    for file in [
        "paragraphs.csv",
        "parallel.csv",
        "sentences.csv",
        "parallel.jsonl",
        "parallel.tmx",
        "sentences.tmx",
        "review.xlsx",
        "review.html",
    ] {
        let a = std::fs::read(one.path().join(file)).unwrap();
        let b = std::fs::read(two.path().join(file)).unwrap();
        assert!(a == b, "{file} differs between --threads 1 and --threads 2");
    }
    // report.json differs only in measured times.
    let strip = |dir: &Path| -> serde_json::Value {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
        fn scrub(v: &mut serde_json::Value) {
            if let Some(map) = v.as_object_mut() {
                map.retain(|k, _| !k.contains("seconds"));
                map.values_mut().for_each(scrub);
            } else if let Some(list) = v.as_array_mut() {
                list.iter_mut().for_each(scrub);
            }
        }
        scrub(&mut v);
        v
    };
    assert_eq!(strip(one.path()), strip(two.path()));
}

#[test]
fn bad_files_are_reported_and_skipped_and_the_rest_is_processed() {
    let input = tempfile::tempdir().unwrap();
    let dir = input.path();
    std::fs::write(dir.join("good.txt"), "Bu çalışma Pakistan ve Türkiye ilişkilerini inceler.\n").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let (legacy, _, _) = encoding_rs::WINDOWS_1254
        .encode("Türkiye ile Pakistan arasındaki ilişkiler güçlü ve İslamabad’da şöyle görüşüldü.\n");
    std::fs::create_dir(dir.join("eski")).unwrap();
    std::fs::write(dir.join("eski/win1254.txt"), &legacy).unwrap();
    std::fs::write(dir.join("notes.md"), "not a txt file, not read").unwrap();

    let out = tempfile::tempdir().unwrap();
    let result = hizala().arg("run").arg(dir).arg("--out").arg(out.path()).output().unwrap();
    assert_eq!(result.status.code(), Some(1), "some inputs skipped → exit 1");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("empty.txt") && stderr.contains("empty"), "{stderr}");
    assert!(stderr.contains("binary.txt") && stderr.contains("binary"), "{stderr}");

    let (_, rows) = read_csv(&out.path().join("paragraphs.csv"));
    let docs: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["doc"].as_str()).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["eski/win1254.txt", "good.txt"]);
    let legacy_row = rows.iter().find(|r| r["doc"] == "eski/win1254.txt").unwrap();
    assert_eq!(legacy_row["text"], "Türkiye ile Pakistan arasındaki ilişkiler güçlü ve İslamabad’da şöyle görüşüldü.");
    assert_eq!(legacy_row["lang"], "tr");

    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["totals"]["skipped"], 2);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 2);

    let mut names: Vec<String> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "paragraphs.csv",
            "parallel.csv",
            "parallel.jsonl",
            "parallel.tmx",
            "report.json",
            "review.html",
            "review.xlsx",
            "sentences.csv",
            "sentences.tmx"
        ],
        "nothing half-written left behind"
    );
}

#[test]
fn forced_encoding_and_missing_input() {
    let input = tempfile::tempdir().unwrap();
    let (latin5, _, _) = encoding_rs::WINDOWS_1254.encode("Işık ve İğde ağacı.\n");
    let file = input.path().join("latin5.txt");
    std::fs::write(&file, &latin5).unwrap();
    let out = tempfile::tempdir().unwrap();
    run_ok(hizala().arg("run").arg(&file).args(["--encoding", "iso-8859-9", "--out"]).arg(out.path()));
    let (_, rows) = read_csv(&out.path().join("paragraphs.csv"));
    assert_eq!(rows[0]["doc"], "latin5.txt");
    assert_eq!(rows[0]["text"], "Işık ve İğde ağacı.");

    let result = hizala()
        .arg("run")
        .arg(input.path().join("nope.txt"))
        .arg(&file)
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("nope.txt"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(hizala().arg("bogus").output().unwrap().status.code(), Some(2));
    assert_eq!(hizala().args(["run", "--threads", "0"]).output().unwrap().status.code(), Some(2));
    assert_eq!(hizala().args(["run", "--encoding", "klingon"]).output().unwrap().status.code(), Some(2));
    let help = hizala().arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed_forever() {
    let input = tempfile::tempdir().unwrap();
    std::fs::create_dir(input.path().join("a")).unwrap();
    std::fs::write(input.path().join("a/doc.txt"), "A single English paragraph about relations.\n").unwrap();
    std::os::unix::fs::symlink("..", input.path().join("a/up")).unwrap();
    let out = tempfile::tempdir().unwrap();
    run_ok(hizala().arg("run").arg(input.path()).arg("--out").arg(out.path()));
    let (_, rows) = read_csv(&out.path().join("paragraphs.csv"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["doc"], "a/doc.txt");
}

#[test]
fn align_two_files_pairs_lines_of_a_translated_news_story() {
    let fixtures = root().join("tests/fixtures");
    let out = tempfile::tempdir().unwrap();
    run_ok(
        hizala()
            .arg("align")
            .arg("--tr")
            .arg(fixtures.join("scotsman.133744.tr.txt"))
            .arg("--en")
            .arg(fixtures.join("scotsman.133744.en.txt"))
            .arg("--out")
            .arg(out.path()),
    );
    let (_, pairs) = read_csv(&out.path().join("parallel.csv"));
    // Gold: line i ↔ line i; every reported pair must be right, and most lines found.
    assert!(pairs.len() >= 20, "found {} of 30", pairs.len());
    for p in &pairs {
        assert_eq!(p["tr_paragraphs"], p["en_paragraphs"], "wrong pair: {p:?}");
        assert_eq!(p["doc"], "scotsman.133744.tr.txt");
    }
    let (_, paragraphs) = read_csv(&out.path().join("paragraphs.csv"));
    let en_paired = paragraphs.iter().filter(|r| r["doc"] == "scotsman.133744.en.txt" && !r["pair"].is_empty()).count();
    assert_eq!(en_paired, pairs.len(), "English paragraphs carry their pair ids too");
}

/// The files given the other way round (`--tr` English, `--en` Turkish): the same pairs, and a
/// warning on each document, on stderr and in report.json — not an empty result.
#[test]
fn align_two_files_given_the_other_way_round_are_aligned_and_said_so() {
    let fixtures = root().join("tests/fixtures");
    let (tr, en) = (fixtures.join("scotsman.133744.tr.txt"), fixtures.join("scotsman.133744.en.txt"));
    let (right, swapped) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    run_ok(hizala().arg("align").arg("--tr").arg(&tr).arg("--en").arg(&en).arg("--out").arg(right.path()));
    let out = run_ok(hizala().arg("align").arg("--tr").arg(&en).arg("--en").arg(&tr).arg("--out").arg(swapped.path()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("given as --tr, but its text is English"), "{stderr}");
    let (_, expected) = read_csv(&right.path().join("parallel.csv"));
    let (_, got) = read_csv(&swapped.path().join("parallel.csv"));
    assert!(expected.len() >= 20);
    assert_eq!(got, expected);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(swapped.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["totals"]["warnings"], 2, "{report}");
}

/// A Turkish summary of two paragraphs in four lines, set without blank lines, beside its
/// English text set the same way: too short to show its layout on its own, it takes it from
/// the English file, and each paragraph finds its own.
#[test]
fn align_two_files_a_short_summary_without_blank_lines_takes_the_english_layout() {
    let dir = tempfile::tempdir().unwrap();
    let (tr, en) = (dir.path().join("ozet.txt"), dir.path().join("body.txt"));
    std::fs::write(
        &tr,
        "Genişletilmiş Özet\n\nEndonezya'daki deprem ve tsunamide ölenlerin sayısı 832'ye yükseldi,\nülkenin afet kurumu pazar günü erken saatlerde açıkladı.\nCuma günü meydana gelen 7,5 büyüklüğündeki depremde yıkılan binaların\nenkazı altında çok sayıda kişinin mahsur kaldığı bildirildi.\n",
    )
    .unwrap();
    std::fs::write(
        &en,
        "Abstract\n\nThe death toll in Indonesia's earthquake and tsunami has climbed to 832,\nthe country's disaster agency said early Sunday.\nMany people were reported trapped in the rubble of buildings brought\ndown in the 7.5 magnitude earthquake which struck on Friday.\nThe city of Palu, which has more than 380,000 people, was strewn with\ndebris from collapsed buildings.\nRescue teams worked through the night to reach those still trapped,\nand officials said the number of dead was expected to rise.\nThe president visited the city on Sunday and promised that the\ngovernment would rebuild every school and hospital.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    run_ok(hizala().arg("align").arg("--tr").arg(&tr).arg("--en").arg(&en).arg("--out").arg(&out));
    let (_, pairs) = read_csv(&out.join("parallel.csv"));
    let got: Vec<(&str, &str)> =
        pairs.iter().map(|p| (p["tr_paragraphs"].as_str(), p["en_paragraphs"].as_str())).collect();
    assert_eq!(got, [("2", "2"), ("3", "3")], "{pairs:?}");
}

#[test]
fn one_file_with_english_then_turkish_is_aligned() {
    let out = tempfile::tempdir().unwrap();
    run_ok(
        hizala()
            .arg("run")
            .arg(root().join("tests/fixtures/scotsman.133744.en_then_tr.txt"))
            .arg("--out")
            .arg(out.path()),
    );
    let (_, pairs) = read_csv(&out.path().join("parallel.csv"));
    assert!(pairs.len() >= 20, "found {} of 30", pairs.len());
    for p in &pairs {
        let tr: usize = p["tr_paragraphs"].parse().unwrap();
        let en: usize = p["en_paragraphs"].parse().unwrap();
        assert_eq!(tr, en + 30, "wrong pair: {p:?}");
    }
}

#[test]
fn detect_prints_one_label_per_line() {
    let out = with_stdin(
        hizala().arg("detect"),
        "Bu çalışma, Pakistan ve Türkiye’nin ortak savunma sanayii iş birliklerini inceler.\nThis study focuses on the cooperation between Türkiye and Pakistan.\n180\n\n",
    );
    let labels: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(labels, ["tr", "en", "und", "und"]);
    for line in out.lines() {
        let conf: f64 = line.split('\t').nth(1).unwrap().parse().unwrap();
        assert!((0.0..=1.0).contains(&conf));
    }
}

#[test]
fn case_maps_turkish_and_english() {
    assert_eq!(
        with_stdin(hizala().args(["case", "--lang", "tr", "--to", "lower"]), "ISPARTA İSTANBUL\n"),
        "ısparta istanbul\n"
    );
    assert_eq!(
        with_stdin(hizala().args(["case", "--lang", "tr", "--to", "upper"]), "istanbul ılık\n"),
        "İSTANBUL ILIK\n"
    );
    assert_eq!(
        with_stdin(hizala().args(["case", "--lang", "en", "--to", "lower"]), "ISPARTA İSTANBUL\n"),
        "isparta istanbul\n"
    );
}

#[test]
fn normalize_rebuilds_paragraphs_from_a_file_and_stdin() {
    let text = " Öz\n\nPakistan ve Türkiye arasın-\ndaki ilişkiler normal siyasetten kaynaklanmamaktadır.\n";
    let plain = with_stdin(hizala().arg("normalize"), text);
    assert_eq!(plain, "Öz\nPakistan ve Türkiye arasındaki ilişkiler normal siyasetten kaynaklanmamaktadır.\n");
    let tsv = with_stdin(hizala().args(["normalize", "--format", "tsv"]), text);
    let first: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "heading");
    let second: Vec<&str> = tsv.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(&second[..2], ["body", "tr"]);

    let out = run_ok(hizala().arg("normalize").arg(root().join("seeds/001_0dc9a332025a6927.txt")));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().any(|l| l.starts_with("Genişletilmiş Özet")));
    assert!(stdout.contains("Terörizmden yara almış ülkeler"), "paragraph rejoined around the running header");
}

/// Every paragraph of the five seeds carries the right language: Turkish exactly for seed 001's
/// Öz and Genişletilmiş Özet (headings and text) and seed 002's footnote that cites a Turkish
/// title; `und` exactly for boilerplate; English for everything else — bylines, headings of
/// names ("1.4. Nagorno-Karabakh War 2020", "The Erdoğan Effect") and footnotes with Turkish
/// links or acronyms included.
#[test]
fn every_seed_paragraph_has_the_right_language() {
    let out = run_seeds("2");
    let (_, rows) = read_csv(&out.path().join("paragraphs.csv"));
    let mut turkish = Vec::new();
    for r in &rows {
        let expected = if r["kind"] == "boilerplate" {
            "und"
        } else if r["lang"] == "tr" {
            turkish.push(format!("{}:{}", &r["doc"][..3], r["paragraph"]));
            "tr"
        } else {
            "en"
        };
        assert_eq!(r["lang"], expected, "{} {} {:?}", r["doc"], r["paragraph"], r["text"]);
    }
    let expected_turkish =
        ["001:1", "001:2", "001:70", "001:71", "001:72", "001:73", "001:74", "001:75", "001:76", "002:12"];
    assert_eq!(turkish, expected_turkish);
    let titles: Vec<&str> = rows.iter().filter(|r| r["lang"] == "tr").map(|r| r["text"].as_str()).collect();
    assert_eq!(titles[0], "Öz");
    assert_eq!(titles[2], "Genişletilmiş Özet");
    assert!(titles[9].starts_with("[1] “Cumhurbaşkanı Erdoğan"));
    for name in ["1.4. Nagorno-Karabakh War 2020", "The Erdoğan Effect", "Pakistan-Türkiye Relations: Quo Vadis"] {
        let row = rows.iter().find(|r| r["text"] == name).expect(name);
        assert_eq!((row["kind"].as_str(), row["lang"].as_str()), ("heading", "en"), "{name}");
    }
}

/// `--format` chooses the files, `--bom` marks the CSV files for Excel, and the TMX languages
/// are configurable; report.json is always there.
#[test]
fn formats_are_chosen_and_bom_is_optional() {
    let out = tempfile::tempdir().unwrap();
    run_ok(hizala().arg("run").arg(root().join("seeds")).arg("--out").arg(out.path()).args([
        "--format",
        "csv,tmx",
        "--bom",
        "--tr-lang",
        "tr",
        "--en-lang",
        "en-GB",
        "-q",
    ]));
    let mut names: Vec<String> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        ["paragraphs.csv", "parallel.csv", "parallel.tmx", "report.json", "sentences.csv", "sentences.tmx"]
    );
    let csv = std::fs::read(out.path().join("parallel.csv")).unwrap();
    assert!(csv.starts_with("\u{FEFF}doc,pair,".as_bytes()));
    let tmx = std::fs::read_to_string(out.path().join("sentences.tmx")).unwrap();
    assert!(
        tmx.contains("segtype=\"sentence\"") && tmx.contains("xml:lang=\"en-GB\"") && tmx.contains("srclang=\"tr\"")
    );
    let paragraph_tmx = std::fs::read_to_string(out.path().join("parallel.tmx")).unwrap();
    assert_eq!(paragraph_tmx.matches("<tu ").count(), 7);
    let plain = tempfile::tempdir().unwrap();
    run_ok(
        hizala().arg("run").arg(root().join("seeds")).arg("--out").arg(plain.path()).args(["--format", "jsonl", "-q"]),
    );
    let jsonl = std::fs::read_to_string(plain.path().join("parallel.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 7);
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["translation"]["tr"].is_string() && v["translation"]["en"].is_string() && v["score"].is_f64());
    }
    assert!(!plain.path().join("paragraphs.csv").exists());
}
