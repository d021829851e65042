#!/usr/bin/env bash
# Byte-for-byte comparison of `warta process` between two builds over scraped JSONL, for
# behaviour-preserving changes: `scripts/compare_process_output.sh OLD_BINARY NEW_BINARY
# [FILE.jsonl ...]` (default: every file in ../shared/data/articles, mapping indonews).
# The two provenance fields that depend on the clock (processed_at, processing_time_us)
# are blanked first; everything else, stderr's error objects included, must be identical.
set -euo pipefail
old=$1 new=$2; shift 2
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(../shared/data/articles/*.jsonl)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
blank() { sed -E 's/"processed_at":"[^"]*","processing_time_us":[0-9]+/"processed_at":"","processing_time_us":0/'; }
status=0 records=0
for f in "${files[@]}"; do
  for side in old new; do
    bin=${!side}
    "$bin" process --mapping indonews --input "$f" --output "$tmp/$side.out" 2>"$tmp/$side.err.raw"
    # The summary's timing varies; error objects must not.
    grep -v '^processed [0-9]* lines' "$tmp/$side.err.raw" >"$tmp/$side.err" || true
    blank <"$tmp/$side.out" >"$tmp/$side.jsonl"
  done
  n=$(wc -l <"$tmp/new.jsonl")
  records=$((records + n))
  if cmp -s "$tmp/old.jsonl" "$tmp/new.jsonl" && cmp -s "$tmp/old.err" "$tmp/new.err"; then
    echo "identical: $f ($n records)"
  else
    echo "DIFFERENT: $f" >&2
    diff <(tr ',' '\n' <"$tmp/old.jsonl") <(tr ',' '\n' <"$tmp/new.jsonl") | head -20 >&2 || true
    diff "$tmp/old.err" "$tmp/new.err" | head -5 >&2 || true
    status=1
  fi
done
echo "$records records compared"
exit $status
