#!/usr/bin/env bash
# Installs what the end-to-end tests (e2e/*.e2e.ts) need, when it is missing; safe to rerun.
# Run as root on Debian (12, bookworm), after `npm ci`:
#   - chromium:        the browser the HTML report is checked in (driven by playwright-core;
#                      no browser is downloaded)
#   - python3-nbclient: executes the notebook (brings python3-jupyter-client, -nbformat, -zmq);
#                      the Deno kernel needs neither ipykernel nor nbconvert nor the jupyter CLI
# and registers this checkout's Deno (the npm devDependency) as the "deno" Jupyter kernel, for
# opening docs/notebooks/trial-analysis.ipynb in Jupyter. Downloads nothing but Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium python3-nbclient)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
  done
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "e2e/setup.sh: missing ${missing[*]}; run as root (apt-get install)" >&2
    exit 1
  fi
  echo "e2e/setup.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

# nbclient is imported by Debian's python (a pyenv or venv python3 first on PATH has no access
# to apt's modules), which is what the notebook test runs.
/usr/bin/python3 -c 'import nbclient, nbformat' || {
  echo 'e2e/setup.sh: /usr/bin/python3 cannot import nbclient' >&2
  exit 1
}
[ -x /usr/bin/chromium ] || {
  echo 'e2e/setup.sh: /usr/bin/chromium is missing' >&2
  exit 1
}

# The Deno kernel: `deno jupyter --install` writes ~/.local/share/jupyter/kernels/deno itself
# (no jupyter command needed), pointing at node_modules/.bin/deno. --no-install: npx must never
# fetch deno; it comes from npm ci.
if ! out=$(npx --no-install deno jupyter --install --force 2>&1); then
  echo "$out" >&2
  echo 'e2e/setup.sh: could not register the Deno kernel (run npm ci first)' >&2
  exit 1
fi
echo "$out" | grep -v 'is unstable' || true
echo 'e2e/setup.sh: ready (chromium, python3-nbclient, Deno kernel)'
