#!/usr/bin/env bash
# Writes the secrets the production set (docker-compose.yml) requires into .env next to docker-compose.yml: random
# values, each only if .env does not have it yet, so running it again changes nothing. Keep .env out of version
# control (.gitignore) and back it up: the audit chain key verifies the audit trail, the contact-data key decrypts the
# complainants' contact data, and a new access-code secret changes every access code already given.
set -euo pipefail
cd "$(dirname "$0")/.."
touch .env
chmod 600 .env

add() {
  if ! grep -q "^$1=" .env; then
    printf '%s=%s\n' "$1" "$2" >> .env
    echo "added $1"
  fi
}

add SUPERVISION_AUDIT_CHAIN_KEY "$(openssl rand -base64 48)"
add SUPERVISION_RATING_LINK_SECRET "$(openssl rand -base64 48)"
add SUPERVISION_ACCESS_CODE_SECRET "$(openssl rand -base64 48)"
add SUPERVISION_PRIVACY_KEYS_K1 "$(openssl rand -base64 32)"
# Hex: Keycloak's realm import substitutes it into JSON.
add KEYCLOAK_CLIENT_SECRET "$(openssl rand -hex 32)"
