#!/usr/bin/env bash
# What the tests need that pip does not bring, installed once (idempotent):
#   - Debian's chromium, driven by Playwright (executable_path=/usr/bin/chromium)
#     for the portfolio and hub browser tests;
#   - npm's configurable-http-proxy, JupyterHub's proxy.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "system-deps: installing ${need_apt[*]} from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! command -v configurable-http-proxy >/dev/null 2>&1; then
  echo "system-deps: installing configurable-http-proxy from npm"
  $SUDO npm install --global --silent configurable-http-proxy >/dev/null
fi

# The portfolio's offline browser assets (MathJax, require.js, widgets, reveal.js) from package-lock.json.
( cd "$(dirname "$0")/.." && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; } )
