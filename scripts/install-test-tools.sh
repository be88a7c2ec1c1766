#!/usr/bin/env bash
# Installs, from Debian's packages, the programs the tests use as references and helpers:
# ethtool (the reference for show/set), iproute2 (namespaces, veth, bridge, tap), util-linux
# (setpriv, to drop CAP_NET_ADMIN), iputils-ping (traffic between test hosts), postgresql (the
# API's production database; the tests start a private cluster of their own), nodejs and npm
# (a TypeScript client generated from the contract is compiled and run against the API), nftables
# (the fault lab's receiver drops frames above 1500 bytes), iperf3 (bench: the reference for
# offloadctl perf), gcc, binutils and unzip (native-build/here: the builder's C helper, the image's
# symbols, the runner jar's manifest), python3 (the API tests' one-shot probe target listens with a
# backlog of 0, which Java cannot ask for), chromium (the dashboard's browser test drives Debian's
# Chromium with playwright-core, which downloads no browser of its own), python3-gi, gir1.2-nm-1.0
# and python3-pyudev (NetworkManager's own library reads the rendered keyfiles; TuneD's own code,
# unpacked from Debian's tuned package into /opt/offloadctl-test/tuned and never installed (its
# daemon stays off this machine), loads the rendered profiles), python3-jsonschema and python3-yaml
# (the Talos documents are validated against Talos' published schema, kept as test data), skopeo
# and umoci (the images are read and unpacked as a container runtime would, and their entrypoints
# run from the unpacked root filesystems: no container runtime runs on these machines). Does
# nothing when they are all present.
set -euo pipefail
missing=()
command -v ethtool >/dev/null 2>&1 || [ -x /usr/sbin/ethtool ] || missing+=(ethtool)
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
command -v ping >/dev/null 2>&1 || missing+=(iputils-ping)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || missing+=(nftables)
command -v iperf3 >/dev/null 2>&1 || missing+=(iperf3)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v nm >/dev/null 2>&1 || missing+=(binutils)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import gi' >/dev/null 2>&1 || missing+=(python3-gi)
ls /usr/lib/*/girepository-1.0/NM-1.0.typelib >/dev/null 2>&1 || missing+=(gir1.2-nm-1.0)
/usr/bin/python3 -c 'import pyudev' >/dev/null 2>&1 || missing+=(python3-pyudev)
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || missing+=(python3-jsonschema)
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
command -v umoci >/dev/null 2>&1 || missing+=(umoci)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "the tests need: ${missing[*]} (apt-get install them as root)" >&2
    exit 1
  fi
  echo "installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
tuned=/opt/offloadctl-test/tuned
if [ ! -f "$tuned/usr/lib/python3/dist-packages/tuned/plugins/plugin_net.py" ]; then
  work=$(mktemp -d)
  (cd "$work" && { apt-get download tuned >/dev/null 2>&1 || { apt-get update -qq && apt-get download tuned >/dev/null; }; })
  mkdir -p "$tuned"
  dpkg -x "$work"/tuned_*.deb "$tuned"
  rm -rf "$work"
fi
