#!/usr/bin/env bash
# Regenerate the TaskJuggler golden fixtures where tj3 is installed (apt-get install tj3):
#   holidays-XX.tji   public holidays from the `holidays` package (tji.py), never typed by hand
#   laender_*.tjp/yaml the same network in four Länder (laender.py)
#   *.csv             tj3's schedule of every *.tjp (taskreport with `formats csv`)
# Commit the results together; tests/test_tj3_golden.py compares roadmap against the CSVs.
# Python: $PYTHON, else the repository's .venv, else python3 (needs the `holidays` package).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
python="${PYTHON:-}"
if [ -z "$python" ]; then
    if [ -x "$repo/.venv/bin/python" ]; then python="$repo/.venv/bin/python"; else python=python3; fi
fi
command -v tj3 >/dev/null || { echo "regenerate.sh: tj3 is not installed (apt-get install tj3)" >&2; exit 1; }

cd "$here"
"$python" tji.py NW BY BE SN
"$python" laender.py
tj3 --version | head -n 1
for tjp in *.tjp; do
    case="${tjp%.tjp}"
    rm -f "$case.csv"
    # tj3 may report an error and still exit 0; a missing CSV catches that.
    tj3 --silent --no-color --output-dir "$here" "$tjp"
    [ -s "$case.csv" ] || { echo "regenerate.sh: tj3 wrote no $case.csv" >&2; exit 1; }
    echo "wrote $case.csv"
done
