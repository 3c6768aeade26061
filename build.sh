#!/usr/bin/env bash
# Restores the local tools (Cake) and forwards every argument to `dotnet cake`:
#   ./build.sh --target=Report [--manifest=experiments/default.toml]
set -euo pipefail
cd "$(dirname "$0")"

target=Report
for arg in "$@"; do
  case "$arg" in --target=*) target="${arg#--target=}" ;; esac
done
prev=""
for arg in "$@"; do [ "$prev" = "--target" ] && target="$arg"; prev="$arg"; done

# Debian packages the targets need, installed with apt when run as root (CI runs as root on a fresh machine):
# Fashion-MNIST for the studies, a font for the report's figures (ScottPlot draws no text without one), and
# chromium for the report page test (Playwright drives it; it downloads no browser of its own).
need=()
fmnist=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
case "$target" in
  Clean|Build|Validate) ;;
  Test)
    [ -f "$font" ] || need+=(fonts-dejavu-core)
    [ -x /usr/bin/chromium ] || need+=(chromium)
    ;;
  *)
    [ -f "$fmnist" ] || need+=(dataset-fashion-mnist)
    [ -f "$font" ] || need+=(fonts-dejavu-core)
    ;;
esac
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "build.sh: installing Debian packages: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  elif [[ " ${need[*]} " == *" dataset-fashion-mnist "* ]]; then
    echo "build.sh: Fashion-MNIST is missing ($fmnist)." >&2
    echo "build.sh: install it with: sudo apt-get install ${need[*]}" >&2
    exit 1
  else
    # Without them the figures have no text and the page test is ignored; say so and go on.
    echo "build.sh: missing Debian packages ${need[*]} (not root: not installed); install with: sudo apt-get install ${need[*]}" >&2
  fi
fi

dotnet tool restore >/dev/null
exec dotnet cake "$@"
