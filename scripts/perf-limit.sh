#!/usr/bin/env bash
# What the broker itself can move on this machine: Kafka's own producer and consumer
# perf tests (org.apache.kafka.tools.ProducerPerformance / ConsumerPerformance, from the
# jars scripts/kafka.sh fetches) against the broker scripts/kafka.sh runs, with payloads
# that are the shared articles themselves, in the same JSON form `warta bench` preloads
# (so sizes and compressibility match the worker's input).
#
#   scripts/perf-limit.sh [RECORDS] [DATA_DIR]      default 50000, ../shared/data/articles
#
# Honours WARTA_KAFKA_PORT (and the other kafka.sh variables), so it measures the same
# broker as `warta bench --brokers 127.0.0.1:$WARTA_KAFKA_PORT`. The producer uses the
# worker's producer settings (acks=all, idempotence, linger.ms=5, lz4) so the figure is
# the ceiling for warta's output side; the consumer reads the records back.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
records=${1:-50000}
data=${2:-$here/../../shared/data/articles}
port=${WARTA_KAFKA_PORT:-9092}
brokers="127.0.0.1:$port"
topic="perf-limit-$$-$(date +%s)"
payloads=$(mktemp)
trap 'rm -f "$payloads"' EXIT

# One payload per line, as warta bench builds them: default mapping keys, fresh id.
cat "$data"/*.jsonl | jq -c '{
    url: (.url // .tautan), title: (.judul // .title), body: (.isi_berita // .body // .content),
    source: (.sumber // .source), author: .author,
    published_at: (.tanggal_publikasi // .tanggal // .published_at)
  } | select(.body != null and .body != "") | {id: "bench-000000-00000"} + .' > "$payloads"
sizes=$(awk '{ print length($0) }' "$payloads" | sort -n)
n=$(echo "$sizes" | wc -l)
median=$(echo "$sizes" | sed -n "$(( (n + 1) / 2 ))p")
mean=$(echo "$sizes" | awk '{ s += $1 } END { printf "%d", s / NR }')
echo "payloads: $n articles from $data, median $median chars, mean $mean chars" >&2
echo "cores: $(nproc), memory: $(free -g | awk '/Mem:/ { print $2 }') GB" >&2

"$here/kafka.sh" topics --create --topic "$topic" --partitions 6 --replication-factor 1 \
  --config max.message.bytes=16777216 >/dev/null

echo "== ProducerPerformance: $records records, 6 partitions, acks=all, idempotent, linger.ms=5, lz4" >&2
"$here/kafka.sh" tool org.apache.kafka.tools.ProducerPerformance \
  --topic "$topic" --num-records "$records" --throughput -1 \
  --payload-file "$payloads" \
  --producer-props bootstrap.servers="$brokers" acks=all enable.idempotence=true \
    linger.ms=5 compression.type=lz4 max.request.size=16777216 \
  | tail -n 1

echo "== ConsumerPerformance: $records records" >&2
"$here/kafka.sh" tool org.apache.kafka.tools.ConsumerPerformance \
  --bootstrap-server "$brokers" --topic "$topic" --messages "$records" --timeout 60000

"$here/kafka.sh" topics --delete --topic "$topic" >/dev/null || true
