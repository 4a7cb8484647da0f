#!/usr/bin/env bash
# Cold start, side by side in one hyperfine run: `podlint check` of one small Pod with the NativeAOT tool (packed and
# installed as a release makes it, README "Releasing") against a NativeAOT-published .NET hello world (default
# settings). Needs hyperfine, and clang or gcc. Usage: bench/cold-start.sh [ROUNDS [RUNS]]   (bench/README.md, "Cold start")
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
runs="${2:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PublishAot>true</PublishAot>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("Hello, World!");' > "$work/hello/Program.cs"
dotnet publish "$work/hello" -c Release -r linux-x64 -o "$work/hello/out" >/dev/null

version=0.0.0-cold-start
common=(src/PodLint.Cli -c Release -o "$work/packages" -p:ReleasePackage=true '-p:ReleaseRuntimeIdentifiers="linux-x64;any"' -p:Version=$version)
dotnet pack "${common[@]}" -p:PublishReadyToRun=false >/dev/null
dotnet pack "${common[@]}" -r linux-x64 -p:PublishAot=true >/dev/null
NUGET_PACKAGES="$work/nuget" dotnet tool install --tool-path "$work/tools" --add-source "$work/packages" --version $version podlint-cli >/dev/null

pod="$work/pod.yaml"
cp examples/valid-nginx.yaml "$pod"
"$work/tools/podlint" check "$pod"
# Rounds of both commands, so that a change in the machine's load hits both alike: the ratio per round, then the median.
for round in $(seq "$rounds"); do
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/round-$round.json" \
    -n hello "$work/hello/out/hello" -n podlint "$work/tools/podlint check $pod" >/dev/null
done
python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
hello, podlint, ratios = [], [], []
for i in range(1, rounds + 1):
    r = {x["command"]: statistics.median(x["times"]) * 1000 for x in json.load(open(f"{work}/round-{i}.json"))["results"]}
    hello.append(r["hello"]); podlint.append(r["podlint"]); ratios.append(r["podlint"] / r["hello"])
    print(f"round {i}: hello {r['hello']:.1f} ms, podlint {r['podlint']:.1f} ms, ratio {ratios[-1]:.2f}x")
print(f"median of {rounds} rounds: hello {statistics.median(hello):.1f} ms, podlint {statistics.median(podlint):.1f} ms, "
      f"ratio {statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})")
PY
