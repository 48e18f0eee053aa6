#!/usr/bin/env bash
# Render the RACI HTML of an example in headless Chromium and check what a person would see:
# the page loads, the browser's DOM has the matrix with the expected headers and cells, and a
# screenshot is drawn. Installs Chromium from Debian's packages when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --quiet --release --locked -- raci examples/northwind-b2b.toml --format html --output "$out/raci.html" 2>/dev/null

chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile" --window-size=1400,900 "$@" 2>/dev/null
}

chrome --dump-dom "file://$out/raci.html" > "$out/dom.html"
chrome --screenshot="$out/raci.png" "file://$out/raci.html" >/dev/null

fail() { echo "check-html: $*" >&2; exit 1; }
grep -q '<title>Northwind Supply: RACI by person</title>' "$out/dom.html" || fail "page title missing"
grep -q '<th scope="col" title="alice">Alice Moreno</th>' "$out/dom.html" || fail "person header missing"
grep -q '<th scope="rowgroup">Strategy</th>' "$out/dom.html" || fail "area grouping missing"
grep -q '<td class="cell AR">A/R</td>' "$out/dom.html" || fail "an A/R cell is missing"
columns=$(grep -o '<th scope="col"' "$out/dom.html" | wc -l)
[ "$columns" -eq 15 ] || fail "expected 15 column headers (activity + 14 people), got $columns"
cells=$(grep -o '<td class="cell' "$out/dom.html" | wc -l)
rows=$(grep -o '<th scope="row"' "$out/dom.html" | wc -l)
[ "$cells" -eq $((rows * 14)) ] || fail "expected $((rows * 14)) cells for $rows activities, got $cells"
[ -s "$out/raci.png" ] || fail "no screenshot"
size=$(stat -c %s "$out/raci.png")
[ "$size" -gt 20000 ] || fail "the screenshot is nearly empty ($size bytes)"
echo "check-html: raci ok ($rows activities x 14 people rendered; screenshot $size bytes)"

# The team report of the org example: loads without console errors, every section is there.
cargo run --quiet --release --locked -- report examples/org --output "$out/report.html" 2>/dev/null
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/profile2" --enable-logging=stderr --v=0 \
  --dump-dom "file://$out/report.html" > "$out/report-dom.html" 2> "$out/report-console.txt"
if grep -E "CONSOLE|Uncaught" "$out/report-console.txt"; then fail "the report logged console errors"; fi
for needle in "Coverage of the catalog" "Workload:" "RACI matrix" "over-allocated" "Marketplaces" "Storefront" "Outlet"; do
  grep -q "$needle" "$out/report-dom.html" || fail "the report lacks \"$needle\""
done
sections=$(grep -o '<section class="team"' "$out/report-dom.html" | wc -l)
[ "$sections" -eq 3 ] || fail "expected 3 team sections, got $sections"
bars=$(grep -o '<rect ' "$out/report-dom.html" | wc -l)
[ "$bars" -eq 12 ] || fail "expected 12 workload bars (one per team member), got $bars"
chrome --screenshot="$out/report.png" "file://$out/report.html" >/dev/null
[ "$(stat -c %s "$out/report.png")" -gt 20000 ] || fail "the report screenshot is nearly empty"
echo "check-html: report ok ($sections teams, $bars workload bars, no console errors)"
