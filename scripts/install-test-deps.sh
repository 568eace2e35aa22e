#!/usr/bin/env bash
# Installs the system packages the test suite needs on a Debian machine: Chromium for the browser tests, the
# Python stack for the training-pipeline tests, and Apertium (the rule-based en<->es peer the translation models
# are scored against and the back-translation engine of the training data). Safe to run again; it skips what is
# already there.
set -euo pipefail

packages=(chromium python3-torch python3-onnx python3-sentencepiece python3-numpy python3-pytest python3-sklearn
  libopenblas0-pthread apertium apertium-eng-spa)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "System test dependencies already installed."
fi
