#!/usr/bin/env bash
# Refresh roadmap/assets/plotly-basic.min.js to the plotly.js release of the installed
# plotly.py (the page falls back to plotly.py's full bundle while they differ).
# Needs npm (the npm registry) and the project's virtual environment.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
version="$("$python" -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "plotly.js-basic-dist-min@$version" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/plotly-basic.min.js" "$repo/roadmap/assets/plotly-basic.min.js"
echo "roadmap/assets/plotly-basic.min.js is now plotly.js $version (basic bundle)"
