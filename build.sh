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

# The study's real data: Debian's Fashion-MNIST package (tests use synthetic data and do not need it).
fmnist=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
case "$target" in
  Test|Clean|Build|Validate) ;;
  *)
    if [ ! -f "$fmnist" ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "build.sh: installing Debian package dataset-fashion-mnist"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist
      else
        echo "build.sh: Fashion-MNIST is missing ($fmnist)." >&2
        echo "build.sh: install it with: sudo apt-get install dataset-fashion-mnist" >&2
        exit 1
      fi
    fi
    ;;
esac

dotnet tool restore >/dev/null
exec dotnet cake "$@"
