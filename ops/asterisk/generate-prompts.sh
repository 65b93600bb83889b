#!/usr/bin/env bash
# Generates placeholder prompt sounds from the prompt catalogues' texts, for a real Asterisk to play until
# studio recordings replace them. Needs Debian's espeak-ng and sox (apt-get install -y espeak-ng sox).
# Output: ops/asterisk/sounds/<language>/<file>.wav, 8 kHz mono 16-bit PCM (what Asterisk's wav format reads).
# Usage: ops/asterisk/generate-prompts.sh [language...]   (default: every catalogue in ivr-flows/flows/prompts)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
catalogues="$here/../../ivr-flows/flows/prompts"
out="$here/sounds"

for tool in espeak-ng sox python3; do
  command -v "$tool" >/dev/null || { echo "generate-prompts: $tool is missing (apt-get install -y espeak-ng sox)" >&2; exit 1; }
done

languages=("$@")
if [ ${#languages[@]} -eq 0 ]; then
  for f in "$catalogues"/*.yaml; do languages+=("$(basename "$f" .yaml)"); done
fi

# Lists "file<TAB>text" for every prompt of one catalogue (the catalogues are simple two-level YAML).
entries() {
  python3 - "$1" <<'PY'
import json, re, sys
prompt_file, text = None, None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^    file: (.+)$", line)
    if m:
        prompt_file = m.group(1).strip()
    m = re.match(r"^    text: (.+)$", line)
    if m:
        raw = m.group(1).strip()
        text = json.loads(raw) if raw.startswith('"') else raw
    if prompt_file and text is not None:
        print(prompt_file + "\t" + text.replace("\t", " "))
        prompt_file, text = None, None
PY
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for lang in "${languages[@]}"; do
  catalogue="$catalogues/$lang.yaml"
  [ -f "$catalogue" ] || { echo "generate-prompts: no catalogue $catalogue" >&2; exit 1; }
  count=0
  while IFS=$'\t' read -r file text; do
    target="$out/$lang/$file.wav"
    mkdir -p "$(dirname "$target")"
    espeak-ng -v "$lang" -s 165 -w "$tmp/raw.wav" "$text"
    # resample to telephone quality and trim leading/trailing silence to keep the files small;
    # -R (repeatable) makes the output identical on every run, so regenerating changes only edited prompts
    sox -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$target" \
      silence 1 0.05 0.5% reverse silence 1 0.05 0.5% reverse
    count=$((count + 1))
  done < <(entries "$catalogue")
  echo "generate-prompts: $count prompts for '$lang' in $out/$lang"
done
