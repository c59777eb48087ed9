#!/usr/bin/env bash
# Builds a generated web app (default 1,000 files; 10000 works too) with -p:ReportAnalyzer=true and prints the compiler's
# time for our analyzers beside ASP.NET Core's StartupAnalyzer (and SonarAnalyzer.CSharp's S5122 when it restores).
# The app and the log go to artifacts/ (not in git).
# Usage: bash benchmarks/report-analyzers.sh [files] [--app rich|classic] [--image r2r|il|both] [--no-sonar] [--sonar-alone] [--runs N] [--server]
# --sonar-alone: every SonarAnalyzer rule but S5122 off (by default Sonar's default rules run beside it, as in a project
# that uses Sonar; then the other rules bind most of the code S5122 asks about before it does, and S5122 is not billed
# for that work; alone, it is).
# --image: the analyzer as the package hands it to the compiler on linux-x64 (r2r, precompiled: the default there), the IL
# assembly every other platform gets (il), or both in alternate builds (both), each with its own medians.
# --app: the rich app (default: helpers, a route table, long origin lists, RequireCors, [EnableCors], hand-written headers,
# configuration and appsettings.json; see WebAppGenerator.Rich.cs) or the classic one the earlier numbers were taken on.
# --server: the builds go to the compiler server (UseSharedCompilation=true, the .NET SDK's default on a developer machine;
# the environment here sets it false), after one build that starts the server and is not counted: warm builds, where the
# analyzer is loaded and compiled once per server, not once per build. The server is shut down at the end.
# With --runs N the app is built N times and each build's times are printed, then the median ratios: single builds on a
# small machine vary by +-25%.
set -euo pipefail
cd "$(dirname "$0")/.."

files=1000
[[ "${1:-}" =~ ^[0-9]+$ ]] && files="$1"
app="artifacts/perf-app"
log="artifacts/perf-app.log"
sonar="--sonar"
[[ " $* " == *" --no-sonar "* ]] && sonar=""
server=""
[[ " $* " == *" --server "* ]] && server="-p:UseSharedCompilation=true"
runs=1
shape=rich
image=il
[ "$(dotnet --info 2>/dev/null | awk '/^ *RID:/ { print $2; exit }')" = linux-x64 ] && image=r2r
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ "${args[$i]}" == "--runs" ]] && runs="${args[$((i + 1))]}"
  [[ "${args[$i]}" == "--app" ]] && shape="${args[$((i + 1))]:-}"
  [[ "${args[$i]}" == "--image" ]] && image="${args[$((i + 1))]:-}"
done
case "$image" in r2r) images=(r2r) ;; il) images=(il) ;; both) images=(il r2r) ;; *) echo "--image is r2r, il or both, not '$image'." >&2; exit 2 ;; esac
if [[ "$shape" != rich && "$shape" != classic ]]; then
  echo "--app is rich or classic, not '$shape'." >&2
  exit 2
fi

dotnet build benchmarks/CorsAnalyzers.Benchmarks -c Release -v:q -nologo >/dev/null
dotnet benchmarks/CorsAnalyzers.Benchmarks/bin/Release/net10.0/CorsAnalyzers.Benchmarks.dll generate "$app" "$files" --app "$shape" $sonar
if [ -n "$sonar" ] && ! dotnet restore "$app" -v:q -nologo >/dev/null 2>&1; then
  echo "SonarAnalyzer.CSharp did not restore; building without it."
  dotnet benchmarks/CorsAnalyzers.Benchmarks/bin/Release/net10.0/CorsAnalyzers.Benchmarks.dll generate "$app" "$files" --app "$shape"
elif [ -n "$sonar" ] && [[ " $* " == *" --sonar-alone "* ]]; then
  dotnet benchmarks/CorsAnalyzers.Benchmarks/bin/Release/net10.0/CorsAnalyzers.Benchmarks.dll sonar-alone "$app"
fi

# Build the analyzer project first (Release, as the package ships it), so the measured build compiles only the app; and
# the precompiled image the package carries for linux-x64 (src/CorsAnalyzers.ReadyToRun).
dotnet build src/CorsAnalyzers -c Release -v:q -nologo >/dev/null
if [[ " ${images[*]} " == *" r2r "* ]]; then
  dotnet publish src/CorsAnalyzers.ReadyToRun -c Release -o artifacts/r2r -v:q -nologo >/dev/null
fi
summaries="$(mktemp -d)"
trap 'rm -rf "$summaries"' EXIT
if [ -n "$server" ]; then
  trap 'rm -rf "$summaries"; dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
  for current in "${images[@]}"; do
    imageProperty=""
    [ "$current" = r2r ] && imageProperty="-p:CorsAnalyzersImage=$PWD/artifacts/r2r/CorsAnalyzers.dll"
    dotnet build "$app" --no-incremental -p:BuildProjectReferences=false $server $imageProperty -v:q -nologo >"$log" 2>&1 \
      || { tail -n 30 "$log"; exit 1; }
  done
  echo "Compiler server started (one build per image, not counted)."
fi
for ((run = 1; run <= runs; run++)); do
 for current in "${images[@]}"; do
  imageProperty=""
  [ "$current" = r2r ] && imageProperty="-p:CorsAnalyzersImage=$PWD/artifacts/r2r/CorsAnalyzers.dll"
  summary="$summaries/$current"
  dotnet build "$app" --no-incremental -p:ReportAnalyzer=true -p:BuildProjectReferences=false $server $imageProperty -v:d -clp:PerformanceSummary -nologo >"$log" 2>&1 \
    || { tail -n 30 "$log"; exit 1; }

  # The compiler's report for the app's Csc task: the totals, each analyzer assembly, and the analyzers we compare.
  report="$(awk '/Total analyzer execution time/ { on = 1 } on { print } /Total generator execution time/ { exit }' "$log")"
  if [ "$runs" -eq 1 ]; then
    grep -E "Total analyzer|CorsAnalyzers|StartupAnalyzer|Microsoft.AspNetCore.Analyzers,|SonarAnalyzer.CSharp,|S5122" <<<"$report" || true
    grep -E "^\s+[0-9]+ ms\s+Csc\s" "$log" | head -n 1 | sed 's/^ */Csc task: /'
    grep -E "warning (CORS|S5122)" "$log" | sed -E "s/^ *([0-9]+:[0-9]+>)?//" | sort -u | sed -E 's/.*warning ([A-Z0-9]+).*/\1/' | sort | uniq -c | sed 's/^ */warnings: /' || true
  fi

  ours="$(awk '/CorsAnalyzers\.CorsAnalyzer / { print $1; exit }' <<<"$report")"
  startup="$(awk '/StartupAnalyzer \(/ { print $1; exit }' <<<"$report")"
  sonarRule="$(awk '/\(S5122\)/ { print $1; exit }' <<<"$report")"
  echo "build $run ($current): CorsAnalyzers ${ours:-?} s, StartupAnalyzer ${startup:-?} s, S5122 ${sonarRule:-n/a} s"
  echo "${ours:-0} ${startup:-0} ${sonarRule:-0}" >>"$summary"
 done
done

for current in "${images[@]}"; do
  [ "$runs" -gt 1 ] || break
  summary="$summaries/$current"
  echo "$current:"
  sort -n -k1 "$summary" | awk '{ a[NR] = $1 } END { printf "median CorsAnalyzers: %.3f s\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
  awk '$3 > 0 { print $1 / $3 }' "$summary" | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "median CorsAnalyzers / S5122: %.2f (%.2f-%.2f)\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, a[1], a[NR] }'
  awk '$2 > 0 { print $1 / $2 }' "$summary" | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "median CorsAnalyzers / StartupAnalyzer: %.2f (%.2f-%.2f)\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, a[1], a[NR] }'
done
echo "Full log of the last build: $log"
