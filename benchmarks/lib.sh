# Shared by benchmarks/run and benchmarks/faults: prerequisites, ports, background processes, figures.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_PROJECT="$ROOT/benchmarks/PetitionSite.Benchmarks"
BENCH="$BENCH_PROJECT/bin/Release/net10.0/PetitionSite.Benchmarks"
SLUG="free-walid-daqqah"
PIDS=()

say() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

check_prerequisites() {
  local missing=()
  for tool in dotnet wrk nginx sqlite3 curl ss /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]})); then
    echo "Missing: ${missing[*]}. On Debian/Ubuntu: apt-get install -y wrk nginx-light sqlite3 curl time iproute2 (and the .NET 10 SDK)." >&2
    exit 1
  fi
}

# A loopback port nobody listens on (5000 is left to other work on this machine).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! ss -Htln "( sport = :$port )" | grep -q .; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# start NAME LOGFILE CMD...: runs CMD in the background and remembers its pid as ${NAME}_PID.
start() {
  local name="$1" log="$2"
  shift 2
  "$@" >"$log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  printf -v "${name}_PID" '%s' "$pid"
}

# stop PID [SIGNAL] [SECONDS]: signals one process we started and waits a bounded time for it to exit.
stop() {
  local pid="$1" signal="${2:-TERM}" seconds="${3:-30}"
  kill -"$signal" "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "process $pid did not stop within ${seconds}s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
}

# wait_http URL SECONDS: polls until URL answers 200.
wait_http() {
  local url="$1" seconds="${2:-30}"
  for _ in $(seq 1 $((seconds * 50))); do
    curl -sf -o /dev/null "$url" && return 0
    sleep 0.02
  done
  echo "$url did not answer within ${seconds}s" >&2
  return 1
}

now_ms() { date +%s%3N; }

# site_env DATA PORT SMTP_PORT: the settings the harness gives the published site, one per line.
site_env() {
  local data="$1" port="$2" smtp="$3"
  printf '%s\n' "ASPNETCORE_URLS=http://127.0.0.1:$port" \
    "ConnectionStrings__Petitions=Data Source=$data/petitions.db" \
    "DataProtection__KeysDirectory=$data/keys" \
    "Site__PublicUrl=http://127.0.0.1:$port" \
    "Smtp__Host=127.0.0.1" "Smtp__Port=$smtp" "Smtp__UseTls=false" \
    "RateLimiting__Enabled=false" "Serilog__MinimumLevel__Default=Warning"
}

# start_published NAME LOG DATA PORT SMTP_PORT [EXTRA_ENV...]: the real published binary, as production runs it.
start_published() {
  local name="$1" log="$2" data="$3" port="$4" smtp="$5"
  shift 5
  mkdir -p "$data"
  local settings
  mapfile -t settings < <(site_env "$data" "$port" "$smtp")
  start "$name" "$log" env -C "$PUBLISH" "${settings[@]}" "$@" dotnet "$PUBLISH/PetitionSite.dll"
}

db_count() { sqlite3 "$1" "$2"; }

# fig NAME VALUE: records a figure for docs/performance.md.
fig() { echo "$1=$2" >>"$FIGURES"; echo "  $1=$2"; }

# get NAME: reads a recorded figure.
get() { grep -m1 "^$1=" "$FIGURES" | cut -d= -f2-; }
