#!/usr/bin/env bash
# Gatehouse list-page benchmark: seeds the demo shop into PostgreSQL, starts the WAR on Payara
# Micro with -Xmx512m, signs in, drives the admin pages with wrk and prints p50/p95/p99, req/s,
# errors, peak heap and the session's serialized size per scenario, for each run and as the
# median of the runs, in two load shapes: one session shared by all connections, and one
# separately signed-in session per connection (each sending back the cookies it is given).
#
#   bench/run.sh [--rows 1000000] [--duration 20] [--runs 3] [--connections 8]
#                [--shapes "one-session sessions"] [--scenarios "dashboard list-page-1"]
#                [--warmup 5] [--jfr]   (--jfr: target/bench/gatehouse.jfr; --scenarios: a subset, by name)
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=1000000 DURATION=20 RUNS=3 CONNECTIONS=8 PORT=8181 SHAPES="one-session sessions" JFR= WARMUP=5 ONLY=
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --shapes) SHAPES=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --scenarios) ONLY=$2; shift 2 ;;
        --jfr) JFR="-XX:FlightRecorderOptions=stackdepth=1024 -XX:StartFlightRecording=filename=target/bench/gatehouse.jfr,settings=profile"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
DB=gatehouse_bench_${ROWS}
PGURL="postgresql://postgres@127.0.0.1:5432"
# the benchmark database is local and throw-away; its admin password is set here, for it only
PASSWORD="${GATEHOUSE_BENCH_PASSWORD:-bench-only-password-0000}"
WORK=target/bench
mkdir -p "$WORK"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not running on 127.0.0.1:5432" >&2; exit 1; }
[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] || mvn -B -q -DskipTests package

# A database per data-set size, kept between runs: seeding happens once.
if ! psql "$PGURL/postgres" -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
    psql "$PGURL/postgres" -qc "create database $DB"
fi

echo "Starting Payara Micro (-Xmx512m) on port $PORT with $ROWS orders…"
started=$(date +%s)
GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GATEHOUSE_DB_USER=postgres GATEHOUSE_DEMO_ROWS=$ROWS \
GATEHOUSE_ADMIN_EMAIL=bench@gatehouse.local GATEHOUSE_ADMIN_PASSWORD=$PASSWORD \
GATEHOUSE_RATE_LIMIT_PER_MINUTE=100000 GATEHOUSE_DATA_DIR="$PWD/$WORK/data" \
    java -Xmx512m $JFR -jar target/payara-micro.jar --deploy target/gatehouse.war --contextroot / --nocluster \
    --disablephonehome --port $PORT > "$WORK/payara.log" 2>&1 &
PAYARA=$!
trap 'kill $PAYARA 2>/dev/null; wait $PAYARA 2>/dev/null || true' EXIT  # waits: the recording is written on exit
until grep -q ") ready in " "$WORK/payara.log"; do
    kill -0 $PAYARA 2>/dev/null || { tail -50 "$WORK/payara.log"; echo "Payara Micro died" >&2; exit 1; }
    sleep 1
done
echo "Ready after $(( $(date +%s) - started )) s; $(grep -o 'Demo shop seeded:.*ms' "$WORK/payara.log" || echo 'data already seeded')"
# what autovacuum does in production: statistics and the visibility map for index-only scans
psql "$PGURL/$DB" -qc "vacuum analyze" >/dev/null

BASE=http://localhost:$PORT

# A support user for the scoped scenarios: editor + support, country DE, so that row scopes narrow
# the orders list to one country's customers (a tenth of the shop) and hide order totals. Same
# password as the benchmark admin (its hash is copied).
psql "$PGURL/$DB" -qc "
    insert into users (id, email, password_hash, active, created_at, country)
        select nextval('users_seq'), 'support@gatehouse.local', password_hash, true, now(), 'DE'
        from users where email = 'bench@gatehouse.local'
        and not exists (select 1 from users where email = 'support@gatehouse.local');
    insert into users_roles (user_id, role_id)
        select u.id, r.id from users u, roles r
        where u.email = 'support@gatehouse.local' and r.name in ('editor', 'support')
        and not exists (select 1 from users_roles x where x.user_id = u.id and x.role_id = r.id);" >/dev/null

# Signs in as the benchmark admin and prints the Cookie header a browser would send afterwards
# (with <distributable/> Payara also versions sessions: JSESSIONIDVERSION goes along).
sign_in() {   # $1: a name for its cookie jar, $2: the e-mail address (the benchmark admin's by default)
    local jar="$WORK/cookies.$1" email="${2:-bench@gatehouse.local}"
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" "$BASE/login" > "$WORK/login.html"
    local viewstate nonce status
    viewstate=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//;s/"$//')
    # the page's CSP nonce, which PrimeFaces' script adds to every form it posts
    nonce=$(grep -o "PrimeFaces.csp.init('[^']*')" "$WORK/login.html" | sed "s/.*init('//;s/')$//")
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$BASE/login" \
        --data-urlencode login=login --data-urlencode "login:email=$email" \
        --data-urlencode "login:password=$PASSWORD" --data-urlencode login:submit= \
        --data-urlencode "jakarta.faces.ViewState=$viewstate" --data-urlencode "primefaces.nonce=$nonce")
    if [ "$status" != 302 ]; then
        echo "Sign-in failed ($status). A database seeded by an earlier run keeps its first admin: drop $DB to start over." >&2
        exit 1
    fi
    awk '$6 ~ /^JSESSIONID/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# Serialized bytes of the session behind a Cookie header (what replication stores), or "-".
session_bytes() {
    curl -s -b "$1" "$BASE/account/session-size" | grep -o '^{"bytes":[0-9]*' | grep -o '[0-9]*$' || echo -
}

SESSION=$(sign_in shared)
SESSIONS=()
for i in $(seq 1 "$CONNECTIONS"); do SESSIONS+=("$(sign_in "$i")"); done
# scenarios named scoped-* run as the support user
SUPPORT_SESSION=$(sign_in support support@gatehouse.local)
SUPPORT_SESSIONS=()
for i in $(seq 1 "$CONNECTIONS"); do SUPPORT_SESSIONS+=("$(sign_in "support$i" support@gatehouse.local)"); done
cookie_of() {   # $1 scenario: the shared session of its user
    case "$1" in scoped-*) echo "$SUPPORT_SESSION" ;; *) echo "$SESSION" ;; esac
}

DEEP=$(( ROWS / 40 > 1 ? ROWS / 40 : 1 ))
# Next from the deep page, as the page's own Next button asks for it: by the position of its last row
NEXT=$(curl -s -b "$SESSION" "$BASE/admin/orders?page=$DEEP" | grep -o 'name="position.next" value="[^"]*"' | sed 's/.*value="//;s/"$//')
declare -A URLS=(
    [list-page-1]="/admin/orders"
    [deep-page-$DEEP]="/admin/orders?page=$DEEP"
    [next-after-page-$DEEP]="/admin/orders?page=$((DEEP + 1))&after=$NEXT"
    [search-customer-email]="/admin/orders?q=grace.turing1"
    [status-filter-sorted]="/admin/orders?status=SHIPPED&sort=-createdAt"
    [users-list]="/admin/users"
    [order-details]="/admin/orders/$(( ROWS / 2 > 1 ? ROWS / 2 : 1 ))"
    [dashboard]="/admin/"
    [scoped-list-page-1]="/admin/orders"
    [scoped-status-filter]="/admin/orders?status=SHIPPED"
    [scoped-customers]="/admin/customers"
)
SCENARIOS=(list-page-1 deep-page-$DEEP next-after-page-$DEEP search-customer-email status-filter-sorted users-list order-details
    dashboard scoped-list-page-1 scoped-status-filter scoped-customers)
if [ -n "$ONLY" ]; then
    read -r -a SCENARIOS <<< "$ONLY"
    for name in "${SCENARIOS[@]}"; do
        [ -n "${URLS[$name]:-}" ] || { echo "unknown scenario $name (known: ${!URLS[*]})" >&2; exit 2; }
    done
fi

for name in "${SCENARIOS[@]}"; do   # every page must render before it is timed
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$(cookie_of "$name")" "$BASE${URLS[$name]}")
    [ "$code" = 200 ] || { echo "$name answered $code" >&2; exit 1; }
done

peak_heap_mb() {   # highest heap in use (young + old) seen by jstat while the scenario ran
    awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$1"
}

# One scenario in one shape: wrk's RESULT line.
drive() {   # $1 shape, $2 scenario
    if [ "$1" = one-session ]; then
        wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/report.lua \
            -H "Cookie: $(cookie_of "$2")" "$BASE${URLS[$2]}"
    else
        case "$2" in
            scoped-*) printf '%s\n' "${SUPPORT_SESSIONS[@]}" > "$WORK/sessions.txt" ;;
            *) printf '%s\n' "${SESSIONS[@]}" > "$WORK/sessions.txt" ;;
        esac
        BENCH_SESSIONS="$WORK/sessions.txt" wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
            --latency -s bench/sessions.lua "$BASE${URLS[$2]}"
    fi
}

# Warm-up, not reported: the JIT compiles the request path before anything is timed.
[ "$WARMUP" -gt 0 ] && for name in "${SCENARIOS[@]}"; do
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP"s -H "Cookie: $(cookie_of "$name")" "$BASE${URLS[$name]}" > /dev/null
done

RESULTS="$WORK/results.txt"
: > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
    for shape in $SHAPES; do
        for name in "${SCENARIOS[@]}"; do
            jstat -gc $PAYARA 500 > "$WORK/jstat.txt" 2>/dev/null &
            JSTAT=$!
            line=$(drive "$shape" "$name" | grep '^RESULT')
            kill $JSTAT 2>/dev/null || true
            wait $JSTAT 2>/dev/null || true
            cookie=$([ "$shape" = one-session ] && cookie_of "$name" || echo "${SESSIONS[0]}")
            echo "$run $shape/$name $line heap=$(peak_heap_mb "$WORK/jstat.txt") session=$(session_bytes "$cookie")" >> "$RESULTS"
        done
    done
done

print_table() {   # $1: results file, $2: number of runs to take the median over
    printf "%-36s %8s %8s %8s %8s %7s %8s %10s\n" scenario "p50 ms" "p95 ms" "p99 ms" "req/s" errors "heap MB" "session B"
    awk -v runs="$2" '
        { for (i = 4; i <= NF; i++) { split($i, kv, "="); v[$2, kv[1], $1] = kv[2] } if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
        function median(s, key,   a, k, c, t, i, j) {
            c = 0; for (k = 1; k <= runs; k++) if ((s, key, k) in v) a[++c] = v[s, key, k] + 0
            for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
            return c % 2 ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
        }
        END { for (i = 1; i <= n; i++) { s = order[i]
            printf "%-36s %8.2f %8.2f %8.2f %8.1f %7d %8d %10d\n", s, median(s, "p50"), median(s, "p95"), median(s, "p99"),
                median(s, "rps"), median(s, "errors"), median(s, "heap"), median(s, "session") } }' "$1"
}

echo
echo "Gatehouse benchmark: $ROWS orders, $((ROWS / 10)) customers, $CONNECTIONS connections, ${DURATION}s per scenario, $RUNS run(s)"
echo "one-session: $CONNECTIONS connections share one signed-in session; sessions: $CONNECTIONS sessions, one connection each"
for run in $(seq 1 "$RUNS"); do
    echo "-- run $run"
    awk -v r="$run" '$1 == r { $1 = 1; print }' "$RESULTS" > "$WORK/run.txt"
    print_table "$WORK/run.txt" 1
done
echo "-- median of $RUNS run(s)"
print_table "$RESULTS" "$RUNS"
errors=$(awk '{ for (i = 4; i <= NF; i++) if ($i ~ /^errors=/) { split($i, kv, "="); s += kv[2] } } END { print s + 0 }' "$RESULTS")
[ "$errors" -eq 0 ] || { echo "$errors failed requests" >&2; exit 1; }
