#!/usr/bin/env bash
# Build the standalone natoplanner with PyInstaller (natoplanner.spec) on Linux
# and check the built app renders the window, with no Python on its path.
#
#   bash scripts/build_standalone.sh [PYTHON]      # default: .venv/bin/python
#
# Prints the build time and the size of dist/natoplanner; exits non-zero when
# the build fails or the built app does not produce its screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-.venv/bin/python}"
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || "$PYTHON" -m pip install -q "pyinstaller>=6.10"

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/standalone/dist --workpath build/standalone/work natoplanner.spec
built=$(( $(date +%s) - start ))
app=build/standalone/dist/natoplanner/natoplanner
echo "built $app in ${built}s; size $(du -sh build/standalone/dist/natoplanner | cut -f1)"

# Run it as a person would on a machine without Python: empty environment
# (no PYTHONPATH, no venv), a fresh home, from another folder.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
for lang in en fr; do
    (cd "$check" && env -i HOME="$check" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        "$OLDPWD/$app" --lang "$lang" --screenshot "$check/window-$lang.png")
    test -s "$check/window-$lang.png"
    cp "$check/window-$lang.png" "build/standalone/window-$lang.png"
done
(cd "$check" && env -i HOME="$check" LANG=C.UTF-8 "$OLDPWD/$app" summary --horizon 2035 | head -5)
echo "standalone app OK: build/standalone/window-en.png, window-fr.png"
