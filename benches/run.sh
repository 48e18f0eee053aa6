#!/usr/bin/env bash
# Benchmark `teamplan check`, `teamplan raci` and `teamplan plan` against their floors, on this
# machine, in one run, and print markdown tables with times, ratios and PASS/MISS against the
# targets.
# See benches/README.md for what each row means.
#
#   bash benches/run.sh            # full run: orgs of 1k, 10k, 50k and 100k people (~5 min)
#   bash benches/run.sh --quick    # smoke run: small orgs, few runs, debug build (~15 s once built)
#
# Options:
#   --quick            small sizes and few runs (for CI: checks that everything still works)
#   --sizes "N N ..."  org sizes in people (default: 1000 10000 50000 100000; quick: 250 500 1000)
#   --runs N           timed runs per org command (default 10, and more for small orgs, whose
#                      few milliseconds are noisy: 100 up to 2k people, 30 up to 20k; quick 2)
#   --keep DIR         generate the orgs into DIR and keep them (default: a temp dir, removed)
#   --release          quick mode with release binaries (quick mode uses the debug build that
#                      `cargo test` already made: it checks that everything works, its times
#                      mean little)
#   --no-build         use the binaries already built
#
# Needs hyperfine (installed with apt-get when missing and running as root) and GNU time
# (/usr/bin/time) for peak memory. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0
SIZES=""
RUNS=""
RUNS_SET=0
KEEP=""
BUILD=1
PROFILE=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --sizes) SIZES=$2; shift ;;
        --runs) RUNS=$2; RUNS_SET=1; shift ;;
        --keep) KEEP=$2; shift ;;
        --release) PROFILE=release ;;
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$QUICK" = 1 ]; then
    PROFILE=${PROFILE:-debug}
    SIZES=${SIZES:-"250 500 1000"}
    RUNS=${RUNS:-2}
    WARMUP=0
    START_RUNS=20
    RACI_RUNS=1
else
    PROFILE=release
    SIZES=${SIZES:-"1000 10000 50000 100000"}
    RUNS=${RUNS:-10}
    WARMUP=2
    START_RUNS=300
    RACI_RUNS=3
fi
FINDINGS=20          # error findings injected into the teams and single layouts
LAYOUTS="teams single org-clean org-each"
BIG=1000000000       # --max-file-size for the single-file orgs (100k people is ~12 MB)
FORMATS="table markdown csv json html"
PLAN_DAY=2027-01-01  # the day the --plan orgs are checked on, and their plan's first day

# ---------------------------------------------------------------------------------------------
# Tools and binaries

die() { echo "run.sh: $*" >&2; exit 1; }
HYPERFINE=1
if ! command -v hyperfine >/dev/null; then
    echo "run.sh: installing hyperfine" >&2
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq hyperfine) >/dev/null 2>&1 || true
    fi
    if ! command -v hyperfine >/dev/null; then
        # A smoke run can do without; real numbers cannot.
        [ "$QUICK" = 1 ] || die "hyperfine is needed: apt-get install hyperfine (or cargo install hyperfine)"
        echo "run.sh: no hyperfine; timing with a plain shell loop" >&2
        HYPERFINE=0
    fi
fi
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=""

TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
case "$TARGET" in /*) ;; *) TARGET=$ROOT/$TARGET ;; esac
if [ "$BUILD" = 1 ]; then
    echo "== building $PROFILE binaries" >&2
    flags=(--locked --bin teamplan --example gen-org --example parse-floor --example clap-hello)
    [ "$PROFILE" = release ] && flags+=(--release)
    cargo build "${flags[@]}" >&2
fi
TP=$TARGET/$PROFILE/teamplan
GEN=$TARGET/$PROFILE/examples/gen-org
FLOOR=$TARGET/$PROFILE/examples/parse-floor
HELLO=$TARGET/$PROFILE/examples/clap-hello
for b in "$TP" "$GEN" "$FLOOR" "$HELLO"; do [ -x "$b" ] || die "missing $b (build it, or drop --no-build)"; done

if [ -n "$KEEP" ]; then
    WORK=$KEEP
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/teamplan-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
case "$WORK" in *' '*) die "the work directory must not contain spaces: $WORK" ;; esac
case "$TARGET" in *' '*) die "the target directory must not contain spaces: $TARGET" ;; esac

# ---------------------------------------------------------------------------------------------
# Helpers

# Median wall time in seconds of each command, into the array T, in order. hyperfine runs
# without a shell (-N) and ignores exit codes (-i: check exits 1 on the injected findings).
median() {
    local warmup=$1 runs=$2
    shift 2
    if [ "$HYPERFINE" = 0 ]; then
        T=()
        local cmd start end i
        for cmd in "$@"; do
            read -r -a argv <<<"$cmd"
            start=$(date +%s%N)
            for ((i = 0; i < runs; i++)); do "${argv[@]}" >/dev/null 2>&1 || true; done
            end=$(date +%s%N)
            T+=("$(awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN { printf "%.6f", (b - a) / n / 1e9 }')")
        done
        return 0
    fi
    hyperfine -N -i --style none --warmup "$warmup" --runs "$runs" \
        --export-csv "$WORK/hf.csv" "$@" >/dev/null 2>"$WORK/hf.err" ||
        { cat "$WORK/hf.err" >&2; die "hyperfine failed on: $*"; }
    # command,mean,stddev,median,user,system,min,max
    mapfile -t T < <(awk -F, 'NR > 1 { print $4 }' "$WORK/hf.csv")
    [ "${#T[@]}" = $# ] || die "hyperfine gave ${#T[@]} results for $# commands"
}

# Peak resident set size in KiB of one run of a command (output discarded).
peak_kb() {
    if [ -z "$TIME" ]; then echo 0; return; fi
    "$TIME" -f '%M' -o "$WORK/time.out" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$WORK/time.out"
}

ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v max="$2" 'BEGIN { print (v != "n/a" && v <= max) ? "PASS" : "MISS" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
bytes_mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
# Time growth per doubling of people between two sizes: 2^(log(t2/t1)/log(n2/n1)).
per_doubling() {
    awk -v t1="$1" -v t2="$2" -v n1="$3" -v n2="$4" \
        'BEGIN { if (t1 > 0 && n2 != n1) printf "%.2f", exp(log(2) * log(t2 / t1) / log(n2 / n1)); else print "n/a" }'
}
human() { awk -v n="$1" 'BEGIN { if (n >= 1000 && n % 1000 == 0) printf "%dk", n / 1000; else print n }'; }
gen_value() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }
gen_expect() { awk -v k="$2" '$1 == "expect" && $2 == k { print $3 }' "$1"; }

MISSES=0
note_miss() { [ "$1" = MISS ] && MISSES=$((MISSES + 1)); return 0; }

# ---------------------------------------------------------------------------------------------
# Generate the orgs and check that `check` finds exactly the injected findings

echo "== generating orgs in $WORK" >&2
for n in $SIZES; do
    for layout in $LAYOUTS; do
        dir=$WORK/$layout-$n
        flags=(--findings "$FINDINGS")
        case "$layout" in
            single) flags+=(--single) ;;
            # Units of one org: clean, and with a finding in every unit (one per 20 people).
            org-clean) flags=(--org --findings 0) ;;
            org-each) flags=(--org --findings $(((n + 19) / 20))) ;;
        esac
        rm -rf "$dir"
        "$GEN" --people "$n" "${flags[@]}" "$dir" >"$dir.gen"
        json=$("$TP" check --format json --max-file-size "$BIG" "$dir" | tr -d ' \n' || true)
        summary=$(printf '%s' "$json" | grep -o '"summary":{[^}]*}' || true)
        errors=$(printf '%s' "$summary" | grep -o '"errors":[0-9]*' | cut -d: -f2)
        warnings=$(printf '%s' "$summary" | grep -o '"warnings":[0-9]*' | cut -d: -f2)
        people=$(printf '%s' "$summary" | grep -o '"people":[0-9]*' | cut -d: -f2)
        want=$(gen_expect "$dir.gen" errors)
        if [ "$errors" != "$want" ] || [ "$warnings" != 0 ] || [ "$people" != "$n" ]; then
            die "$layout-$n: check found $errors errors, $warnings warnings, $people people; the generator injected $want errors, 0 warnings into $n people"
        fi
    done
done

# The same org as a dated plan (`gen-org --org --plan`), clean when checked on $PLAN_DAY: no
# finding, and only the people present that day counted. `plan` must run too (its output's size
# goes in the table).
declare -A PLAN_OUT
for n in $SIZES; do
    dir=$WORK/plan-$n
    rm -rf "$dir"
    "$GEN" --people "$n" --org --plan "$dir" >"$dir.gen"
    json=$(TEAMPLAN_AT=$PLAN_DAY "$TP" check --format json --max-file-size "$BIG" "$dir" | tr -d ' \n' || true)
    summary=$(printf '%s' "$json" | grep -o '"summary":{[^}]*}' || true)
    errors=$(printf '%s' "$summary" | grep -o '"errors":[0-9]*' | cut -d: -f2)
    warnings=$(printf '%s' "$summary" | grep -o '"warnings":[0-9]*' | cut -d: -f2)
    people=$(printf '%s' "$summary" | grep -o '"people":[0-9]*' | cut -d: -f2)
    present=$(gen_value "$dir.gen" "people-on-$PLAN_DAY")
    if [ "$errors" != 0 ] || [ "$warnings" != 0 ] || [ "$people" != "$present" ]; then
        die "plan-$n: check on $PLAN_DAY found $errors errors, $warnings warnings, $people people; the generator made a clean org with $present people present that day"
    fi
    TEAMPLAN_AT=$PLAN_DAY "$TP" plan --max-file-size "$BIG" "$dir" --from "$PLAN_DAY" >"$WORK/plan.out" ||
        die "plan-$n: teamplan plan failed"
    PLAN_OUT[$n]=$(wc -c <"$WORK/plan.out")
done

# ---------------------------------------------------------------------------------------------
# Report

echo "# teamplan benchmark"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "teamplan $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo '?'), $(hyperfine --version 2>/dev/null || echo 'no hyperfine: mean of a shell loop')."
[ "$PROFILE" = release ] || echo "**$PROFILE build: a smoke run; the times below are not meaningful.**"
# Runs for an org of $1 people: small orgs take milliseconds, so more runs steady their median.
runs_for() {
    if [ "$QUICK" = 1 ] || [ "$RUNS_SET" = 1 ]; then echo "$RUNS"
    elif [ "$1" -le 2000 ]; then echo 100
    elif [ "$1" -le 20000 ]; then echo 30
    else echo "$RUNS"; fi
}
runs_note=""
[ "$QUICK" = 1 ] || [ "$RUNS_SET" = 1 ] || runs_note=" (orgs up to 2k people: 100, up to 20k: 30)"
echo "Times are medians of $RUNS runs$runs_note after $WARMUP warm-up runs (startup: $START_RUNS runs);" \
    "the teams and single orgs have $FINDINGS injected error findings, org-clean none, org-each one per unit (one per 20 people), all verified before timing."
echo

# (a) startup ---------------------------------------------------------------------------------
ONE=$ROOT/examples/northwind-b2b.toml
echo "## (a) One team: check vs a clap hello binary"
echo
median 20 "$START_RUNS" "$HELLO" "$TP check $ONE" "$TP --version"
t=("${T[@]}")
r=$(ratio "${t[1]}" "${t[0]}")
v=$(verdict "$r" 3)
note_miss "$v"
echo "| command | median | ratio | target | result |"
echo "|---|---:|---:|---:|---|"
echo "| \`clap-hello\` (startup floor) | $(ms "${t[0]}") | 1.00× | | |"
echo "| \`teamplan --version\` (teamplan's own startup, no work) | $(ms "${t[2]}") | $(ratio "${t[2]}" "${t[0]}")× | | |"
echo "| \`teamplan check examples/northwind-b2b.toml\` (14 people) | $(ms "${t[1]}") | ${r}× | ≤ 3× | $v |"
echo

# (b) orgs ------------------------------------------------------------------------------------
echo "## (b) Orgs: check vs the parse floor (\`toml::from_str\` into typed structs)"
echo
echo "\`teams\`: one file per team (3–40 people, ~20 on average); \`single\`: one file holding one team of everyone;"
echo "\`org-clean\` / \`org-each\`: the teams as units of one \`[org]\` (one team for the org's rules), clean / with a finding in every unit."
echo "Scaling is the time growth per doubling of people, from the previous size (target ≤ 2.2×)."
echo
echo "| layout | people | files | input | check | parse floor | check / floor | ≤ 1.5× | scaling | ≤ 2.2× |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---|"
declare -A CHECK_T
for layout in $LAYOUTS; do
    prev_n=""
    prev_t=""
    for n in $SIZES; do
        dir=$WORK/$layout-$n
        median "$WARMUP" "$(runs_for "$n")" "$TP check --max-file-size $BIG $dir" "$FLOOR $dir"
        t=("${T[@]}")
        CHECK_T[$layout-$n]=${t[0]}
        r=$(ratio "${t[0]}" "${t[1]}")
        v=$(verdict "$r" 1.5)
        note_miss "$v"
        if [ -n "$prev_n" ]; then
            s=$(per_doubling "$prev_t" "${t[0]}" "$prev_n" "$n")
            sv=$(verdict "$s" 2.2)
            note_miss "$sv"
            s="${s}×"
        else
            s="–"
            sv=""
        fi
        echo "| $layout | $(human "$n") | $(gen_value "$dir.gen" files) | $(bytes_mib "$(gen_value "$dir.gen" bytes)") | $(ms "${t[0]}") | $(ms "${t[1]}") | ${r}× | $v | $s | $sv |"
        prev_n=$n
        prev_t=${t[0]}
    done
done
echo

# (c) raci ------------------------------------------------------------------------------------
LARGEST_N=${SIZES##* }
read -r largest_file largest_people < <(awk '$1 == "largest-team" { print $2, $3 }' "$WORK/teams-$LARGEST_N.gen")
echo "## (c) raci of the largest team, every format"
echo
echo "The largest team file of the $(human "$LARGEST_N")-people org ($largest_people people), and each single-file org (one team of everyone)."
echo "\`raci / check\` compares with \`check\` of the same file; scaling is per doubling of people (linear: ≤ 2.2×)."
echo
echo "| team | people | format | raci | raci / check | scaling | ≤ 2.2× | output | peak memory |"
echo "|---|---:|---|---:|---:|---:|---|---:|---:|"
raci_rows() { # label people file prev_people
    local label=$1 people=$2 file=$3 check_t
    median "$WARMUP" "$RACI_RUNS" "$TP check --max-file-size $BIG $file"
    check_t=${T[0]}
    for f in $FORMATS; do
        local t out kb s sv
        median "$WARMUP" "$RACI_RUNS" "$TP raci --max-file-size $BIG $file --format $f"
        t=${T[0]}
        "$TP" raci --max-file-size "$BIG" "$file" --format "$f" >"$WORK/raci.out" 2>/dev/null || true
        out=$(bytes_mib "$(wc -c <"$WORK/raci.out")")
        kb=$(peak_kb "$TP" raci --max-file-size "$BIG" "$file" --format "$f")
        s="–"
        sv=""
        if [ -n "${RACI_PREV[$f]:-}" ]; then
            s=$(per_doubling "${RACI_PREV[$f]}" "$t" "$RACI_PREV_N" "$people")
            sv=$(verdict "$s" 2.2)
            s="${s}×"
        fi
        [ "$label" = single ] && RACI_PREV[$f]=$t
        echo "| $label | $people | $f | $(ms "$t") | $(ratio "$t" "$check_t")× | $s | $sv | $out | $(mib "$kb") |"
    done
    [ "$label" = single ] && RACI_PREV_N=$people
    return 0
}
declare -A RACI_PREV
RACI_PREV_N=""
raci_rows "largest of teams-$(human "$LARGEST_N")" "$largest_people" "$largest_file"
for n in $SIZES; do
    raci_rows single "$n" "$WORK/single-$n/org.toml"
done
echo

# (d) memory ----------------------------------------------------------------------------------
echo "## (d) Peak memory (RSS, \`/usr/bin/time\`)"
echo
if [ -z "$TIME" ]; then
    echo "GNU time (/usr/bin/time) is not installed: skipped."
else
    base_kb=$(peak_kb "$TP" check "$ONE")
    hello_kb=$(peak_kb "$HELLO")
    echo "A process's fixed footprint is not input: \`net\` subtracts the peak of \`check\` on one small team ($(mib "$base_kb"));"
    echo "the parse floor's net subtracts clap-hello's ($(mib "$hello_kb")). \`growth\` is the memory each added byte of input costs:"
    echo "the change in peak over the change in input from the previous size, which no fixed cost distorts."
    echo "Target: at most 4× the input, judged on \`growth\` (at the smallest size, code pages and catalogs outweigh 0.1 MiB of input)."
    echo
    echo "| layout | people | input | check peak | check net / input | growth | ≤ 4× | floor peak | floor net / input | floor growth |"
    echo "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|"
    for layout in $LAYOUTS; do
        prev_kb=""
        for n in $SIZES; do
            dir=$WORK/$layout-$n
            input=$(gen_value "$dir.gen" bytes)
            kb=$(peak_kb "$TP" check --max-file-size "$BIG" "$dir")
            fkb=$(peak_kb "$FLOOR" "$dir")
            r=$(awk -v k="$kb" -v b="$base_kb" -v i="$input" 'BEGIN { printf "%.2f", (k - b) * 1024 / i }')
            fr=$(awk -v k="$fkb" -v b="$hello_kb" -v i="$input" 'BEGIN { printf "%.2f", (k - b) * 1024 / i }')
            if [ -n "$prev_kb" ]; then
                g=$(awk -v k="$kb" -v p="$prev_kb" -v i="$input" -v q="$prev_input" 'BEGIN { printf "%.2f", (k - p) * 1024 / (i - q) }')
                fg=$(awk -v k="$fkb" -v p="$prev_fkb" -v i="$input" -v q="$prev_input" 'BEGIN { printf "%.2f×", (k - p) * 1024 / (i - q) }')
                v=$(verdict "$g" 4)
                note_miss "$v"
                g="${g}×"
            else
                g="–"; fg="–"; v=""
            fi
            echo "| $layout | $(human "$n") | $(bytes_mib "$input") | $(mib "$kb") | ${r}× | $g | $v | $(mib "$fkb") | ${fr}× | $fg |"
            prev_kb=$kb; prev_fkb=$fkb; prev_input=$input
        done
    done
fi
echo

# (e) plan vs check ---------------------------------------------------------------------------
echo "## (e) plan vs check"
echo
echo "\`plan\`: the \`org-clean\` org made a dated plan (\`gen-org --org --plan\`): a cost for everyone, about one in ten"
echo "people with supporting roles starting or leaving during 2027, 2% more entries as open positions; no finding on $PLAN_DAY."
echo "Both run with \`TEAMPLAN_AT=$PLAN_DAY\`: \`teamplan check ORG\` and \`teamplan plan ORG --from $PLAN_DAY\` (a year by quarter)."
echo "\`plan / check\` is the target (≤ 2×); \`output\` is the size of what \`plan\` prints."
echo
echo "| people | files | input | dated | open positions | check | plan | plan / check | ≤ 2× | output |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
export TEAMPLAN_AT=$PLAN_DAY
for n in $SIZES; do
    dir=$WORK/plan-$n
    median "$WARMUP" "$(runs_for "$n")" "$TP check --max-file-size $BIG $dir" \
        "$TP plan --max-file-size $BIG $dir --from $PLAN_DAY"
    t=("${T[@]}")
    r=$(ratio "${t[1]}" "${t[0]}")
    v=$(verdict "$r" 2)
    note_miss "$v"
    echo "| $(human "$n") | $(gen_value "$dir.gen" files) | $(bytes_mib "$(gen_value "$dir.gen" bytes)") | $(gen_value "$dir.gen" dated) | $(gen_value "$dir.gen" positions) | $(ms "${t[0]}") | $(ms "${t[1]}") | ${r}× | $v | $(bytes_mib "${PLAN_OUT[$n]}") |"
done
unset TEAMPLAN_AT
echo
echo "Targets missed: $MISSES (raci scaling is informational and not counted)."
