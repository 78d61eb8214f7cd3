#!/usr/bin/env bash
# Installs what the tests need that pip does not bring, once: nothing yet
# beyond the Python packages. Later parts add Chromium and the hub's proxy here.
set -euo pipefail
exit 0
