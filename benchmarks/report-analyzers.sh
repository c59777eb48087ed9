#!/usr/bin/env bash
# Builds a generated web app (default 1,000 files) with -p:ReportAnalyzer=true and prints the compiler's time for
# our analyzers beside ASP.NET Core's StartupAnalyzer (and SonarAnalyzer.CSharp's S5122 when it restores).
# The app and the log go to artifacts/ (not in git). Usage: bash benchmarks/report-analyzers.sh [files] [--no-sonar]
set -euo pipefail
cd "$(dirname "$0")/.."

files="${1:-1000}"
app="artifacts/perf-app"
log="artifacts/perf-app.log"
sonar="--sonar"
[[ " $* " == *" --no-sonar "* ]] && sonar=""

dotnet build benchmarks/CorsAnalyzers.Benchmarks -c Release -v:q -nologo >/dev/null
dotnet benchmarks/CorsAnalyzers.Benchmarks/bin/Release/net10.0/CorsAnalyzers.Benchmarks.dll generate "$app" "$files" $sonar
if [ -n "$sonar" ] && ! dotnet restore "$app" -v:q -nologo >/dev/null 2>&1; then
  echo "SonarAnalyzer.CSharp did not restore; building without it."
  dotnet benchmarks/CorsAnalyzers.Benchmarks/bin/Release/net10.0/CorsAnalyzers.Benchmarks.dll generate "$app" "$files"
fi

# Build the analyzer project first (Release, as the package ships it), so the measured build compiles only the app.
dotnet build src/CorsAnalyzers -c Release -v:q -nologo >/dev/null
dotnet build "$app" --no-incremental -p:ReportAnalyzer=true -p:BuildProjectReferences=false -v:d -clp:PerformanceSummary -nologo >"$log" 2>&1 \
  || { tail -n 30 "$log"; exit 1; }

# The compiler's report for the app's Csc task: the totals, each analyzer assembly, and the analyzers we compare.
awk '/Total analyzer execution time/ { on = 1 } on { print } /Total generator execution time/ { exit }' "$log" \
  | grep -E "Total analyzer|CorsAnalyzers|StartupAnalyzer|Microsoft.AspNetCore.Analyzers,|SonarAnalyzer.CSharp,|S5122|CorsRule|Cors" || true
grep -E "^\s+[0-9]+ ms\s+Csc\s" "$log" | head -n 1 | sed 's/^ */Csc task: /'
grep -E "warning (CORS|S5122)" "$log" | sed -E "s/^ *([0-9]+:[0-9]+>)?//" | sort -u | sed -E 's/.*warning ([A-Z0-9]+).*/\1/' | sort | uniq -c | sed 's/^ */warnings: /' || true
echo "Full log: $log"
