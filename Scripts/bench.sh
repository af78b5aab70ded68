#!/usr/bin/env bash
# Builds and runs the benchmarks (the separate package in Benchmarks/, never built by
# Scripts/test.sh), prints package-benchmark's tables, then a summary of the derived figures:
# typed / plain decoding, dynamic reading speed, pipeline / bare transport, the refresh storm,
# streaming speed and peak memory for 100,000 / 10,000 records, and the transports.
#
#   Scripts/bench.sh                          every benchmark
#   Scripts/bench.sh --target Decoding        one suite (Decoding, Pipeline, Streaming, Transports)
#   Scripts/bench.sh --filter 'Stream.*'      benchmarks whose name matches
#   Scripts/bench.sh --summary                the summary of the last run again, without running
#
# Arguments are passed to `swift package benchmark`. The results stay in
# Benchmarks/.benchmarkBaselines/current (git-ignored) for `benchmark baseline compare`.
set -euo pipefail
cd "$(dirname "$0")/.."

run=1
case "${1:-}" in
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  --summary) run=0; shift ;;
esac

export_dir=$(mktemp -d)
trap 'rm -rf "$export_dir"' EXIT
bench() { swift package --package-path Benchmarks --allow-writing-to-package-directory benchmark "$@"; }

if [ "$run" = 1 ]; then
  echo "==> $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
  echo "==> $(swift --version 2>&1 | head -n 1)"
  echo "==> building and running the benchmarks (release)"
  bench baseline update current --no-progress "$@"
  bench baseline read current --no-progress "$@"
fi
bench baseline read current --no-progress --time-units microseconds --format histogramPercentiles \
  --path "$export_dir" "$@" >/dev/null

echo "==> summary (medians; ratios are the medians of ratios timed back to back in one iteration)"
python3 - "$export_dir" <<'PY'
import glob, os, re, sys

units = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0,
         "#": 1, "K": 1e3, "M": 1e6, "G": 1e9}
medians = {}
for path in glob.glob(os.path.join(sys.argv[1], "current.*.histogram.percentiles.tsv")):
    name = os.path.basename(path)[len("current."):-len(".histogram.percentiles.tsv")]
    target, rest = name.split(".", 1)
    benchmark, metric = rest.rsplit(".", 1)
    with open(path) as lines:
        header = next(lines)
        found = re.findall(r"\(([^()]*)\)\s*\*?\s*$", header.strip())
        scale = units.get(found[0], 1) if found else 1
        for line in lines:
            percentile, value = line.split("\t")
            if percentile == "50":
                medians[(benchmark, metric)] = float(value) * scale

def median(benchmark, metric="wallClock"):
    # File names spell "/" and " " as "_", as package-benchmark writes them.
    return medians.get((benchmark.replace("/", "_").replace(" ", "_"), metric))

def ratio(top, bottom, metric="wallClock"):
    a, b = median(top, metric), median(bottom, metric)
    return a / b if a and b else None

rows = []
def row(label, value, unit, meaning):
    if value is not None:
        number = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"
        rows.append((label, number, unit, meaning))

def paired(benchmark, metric):
    value = median(benchmark, metric)
    return value / 1000 if value else None

row("typed / plain: customers", paired("BC customers page, typed / plain", "Typed___plain_(x1000)"), "x",
    "5,000 BCCustomer vs a plain Codable struct, same bytes and JSONDecoder (target <= 1.3)")
row("  the same, separate runs", ratio("BC customers page as [BCCustomer]", "BC customers page as [PlainCustomer]"),
    "x", "each decoder warm on its own; exposed to load changes between the runs")
row("typed / plain: order lines", paired("BC sales order lines page, typed / plain", "Typed___plain_(x1000)"), "x",
    "5,000 BCSalesOrderLine (decimals, blank dates) vs a plain struct (target <= 1.3)")
row("  the same, separate runs",
    ratio("BC sales order lines page as [BCSalesOrderLine]", "BC sales order lines page as [PlainSalesOrderLine]"),
    "x", "each decoder warm on its own; exposed to load changes between the runs")
row("Viessmann flatten / plain",
    paired("Viessmann large features, flatten / plain", "Flatten___plain_(x1000)"), "x",
    "1,216 features parsed and flattened vs plain Codable structs of the same bytes (target <= 1.3)")
for reader in ("JSONValue", "JSONSerialization"):
    name = "BC customers page as JSONValue" if reader == "JSONValue" else "BC customers page with JSONSerialization"
    row(f"{reader} speed", median(name, "MB___s"), "MB/s", "the 5,000-record page read dynamically")
row("JSONSerialization / JSONValue",
    ratio("BC customers page with JSONSerialization", "BC customers page as JSONValue"), "x",
    "how much longer Foundation takes for the same page")
for fixture in ("asset", "invoices"):
    value = median(f"Flowerhub {fixture}")
    row(f"Flowerhub {fixture}", value and value * 1e6, "µs", f"flowerhub/{fixture}.json read and parsed")
row("pipeline / bare (loopback)", paired("Loopback: 100 GETs, pipeline / bare", "Pipeline___bare_(x1000)"), "x",
    "100 GETs through APIClient (retry, bearer auth, no logging) vs the transport alone")
row("  the same, separate runs",
    ratio("Loopback: 100 GETs through APIClient", "Loopback: 100 GETs, bare URLSessionTransport"), "x",
    "exposed to load changes between the runs")
inner, bare = median("In memory: 100 GETs through APIClient"), median("In memory: 100 GETs, bare transport")
if inner and bare:
    row("pipeline cost per request", (inner - bare) / 100 * 1e6, "µs", "APIClient's own work, without a socket")
storm = median("Refresh storm: 1000 calls on an expired token")
row("refresh storm drain", storm and storm * 1e3, "ms", "1,000 calls on an expired token; exactly 1 token request")
for kind in ("BCCustomer", "ODataRecord"):
    small, large = f"Stream 10000 customers as {kind}", f"Stream 100000 customers as {kind}"
    row(f"stream {kind}", median(large, "Records___s"), "records/s", "100,000 records in pages of 5,000")
    peaks = [median(name, "peakMemoryResident") for name in (large, small)]
    if all(peaks):
        row(f"peak memory 100k / 10k ({kind})", peaks[0] / peaks[1], "x",
            f"process peak RSS {peaks[0] / 1e6:.0f} MB vs {peaks[1] / 1e6:.0f} MB (target <= 1.2)")
for transport in ("URLSession", "AsyncHTTPClient"):
    for shape in ("sequential", "16 at a time"):
        value = median(f"{transport}: 160 GETs, {shape}")
        row(f"{transport}, {shape}", value and value / 160 * 1e6, "µs/request", "loopback GET, 160 per iteration")

if not rows:
    print("(no figures: no benchmark ran)")
widths = [max((len(row[column]) for row in rows), default=0) for column in range(3)]
for label, number, unit, meaning in rows:
    print(f"  {label:<{widths[0]}}  {number:>{widths[1]}} {unit:<{widths[2]}}  {meaning}")
PY
