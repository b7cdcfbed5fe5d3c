#!/usr/bin/env bash
# A private CA and a relay certificate for a wss:// relay (docs/three-machines.md), with
# OpenSSL: writes <dir>/ca.pem and <dir>/ca.key (keep the CA key offline once done),
# <dir>/relay.crt and <dir>/relay.key (mode 0600) for <host>, an IP address or a DNS name, as
# the nodes' "relay" URL names it. Refuses to overwrite any of them.
# Usage: scripts/relay-tls.sh <dir> <host> [days, default 825]
set -euo pipefail
dir=${1:?usage: relay-tls.sh <dir> <host> [days]}
host=${2:?usage: relay-tls.sh <dir> <host> [days]}
days=${3:-825}
command -v openssl >/dev/null || { echo "relay-tls.sh: openssl is not installed (Debian: apt-get install openssl)" >&2; exit 1; }
for f in ca.pem ca.key relay.crt relay.key; do
  [ ! -e "$dir/$f" ] || { echo "relay-tls.sh: $dir/$f exists; not overwriting it" >&2; exit 1; }
done
if [[ $host =~ ^[0-9.]+$ || $host == *:* ]]; then san="IP:$host"; else san="DNS:$host"; fi
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curve=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
openssl req -x509 "${curve[@]}" -keyout "$dir/ca.key" -out "$dir/ca.pem" -days "$days" -subj "/CN=tessera relay CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req "${curve[@]}" -keyout "$dir/relay.key" -out "$work/relay.csr" -subj "/CN=$host" 2>/dev/null
printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$san" > "$work/ext"
openssl x509 -req -in "$work/relay.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -CAserial "$work/ca.srl" \
  -out "$dir/relay.crt" -days "$days" -extfile "$work/ext" 2>/dev/null
chmod 644 "$dir/ca.pem" "$dir/relay.crt"
echo "wrote $dir/ca.pem, $dir/ca.key, $dir/relay.crt and $dir/relay.key for $san"
