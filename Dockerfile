# warta: build the release binary in a full Rust image, run it in a slim Debian image.
#
#   docker build -t warta .
#   docker run --rm -e WARTA_KAFKA__BROKERS=kafka:9092 -p 9464:9464 warta
#   docker run --rm warta check-config        # any subcommand works

# ---- build stage -------------------------------------------------------------------
FROM rust:1-bookworm AS builder

# rdkafka compiles the bundled librdkafka with its own ./configure + make (no cmake):
#   build-essential  C compiler and make, also for the vendored zstd (feature "zstd")
#   libssl-dev       feature "ssl" links the system OpenSSL (libssl3 at run time)
#   zlib1g-dev       rdkafka-sys' default "libz" feature
#   pkg-config       how openssl-sys and libz-sys find those libraries
# SASL/GSSAPI and curl are not enabled, so libsasl2-dev and libcurl are not needed.
# The rust image already ships most of these; listing them keeps the build explicit.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential libssl-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Dependencies first, against placeholder sources, so that editing warta's own code
# does not rebuild librdkafka and every crate (this layer is cached by Cargo.lock and
# the three crate manifests). Declared benches need a file to exist, so they get one too.
COPY Cargo.toml Cargo.lock ./
COPY crates/core/Cargo.toml crates/core/
COPY crates/train/Cargo.toml crates/train/
COPY crates/warta/Cargo.toml crates/warta/
RUN for c in core train warta; do mkdir -p crates/$c/src && touch crates/$c/src/lib.rs; done \
 && echo 'fn main() {}' > crates/warta/src/main.rs \
 && mkdir -p crates/core/benches \
 && for b in quotes ner clean enrich; do echo 'fn main() {}' > crates/core/benches/$b.rs; done \
 && cargo build --release --locked -p warta \
 && rm -rf crates/*/src

# Compiled into the binary (include_str!/include_bytes!): config/default.toml, the word
# lists and gazetteers under data/, the demo articles and the entity model.
COPY config ./config
COPY data ./data
COPY models ./models
COPY crates ./crates
# COPY keeps the files' own mtimes, which may be older than the placeholder build:
# touch so that cargo rebuilds the crates themselves.
RUN find crates -name '*.rs' -exec touch {} + \
 && cargo build --release --locked -p warta \
 && cp target/release/warta /usr/local/bin/warta

# ---- runtime stage -----------------------------------------------------------------
FROM debian:bookworm-slim

# libssl3 for librdkafka's TLS, ca-certificates to verify brokers with public CAs.
# (zlib is part of the base image; zstd and librdkafka are linked statically.)
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin warta

COPY --from=builder /usr/local/bin/warta /usr/local/bin/warta

USER 10001:10001

# /metrics, /healthz and /readyz. The config default is 127.0.0.1:9464, which inside a
# container is reachable from nowhere (not even a published port or a sidecar), so the
# image listens on all interfaces of the container's own network namespace instead.
# Publishing the port is still a deliberate choice of whoever runs the container.
ENV WARTA_TELEMETRY__METRICS_ADDR=0.0.0.0:9464
EXPOSE 9464

# No HEALTHCHECK: the slim image has no curl/wget. Orchestrators should probe
# GET /healthz (liveness) and GET /readyz (readiness) on port 9464 themselves.

# SIGTERM starts a graceful drain (processing.shutdown_grace_ms, 30 s by default):
# give the container a longer stop timeout than that (docker stop -t / stop_grace_period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["warta"]
CMD ["run"]
