#!/usr/bin/env bash
# Posts a robot callback to a running hub, signed as DingTalk signs it:
# sign = Base64(HmacSHA256(key = app secret, timestamp + "\n" + app secret)).
# Usage: samples/demo/post-callback.sh [payload.json] [hub url]
# Defaults: the "@警铃 帮助" sample, http://localhost:8080, the demo app secret (JINGLING_DINGTALK_APP_SECRET overrides).
set -euo pipefail
payload=${1:-"$(dirname "$0")/../payloads/dingtalk/at-bot-help.json"}
hub=${2:-http://localhost:8080}
secret=${JINGLING_DINGTALK_APP_SECRET:-jingling-demo-app-secret}
timestamp=$(($(date +%s) * 1000))
sign=$(printf '%s\n%s' "$timestamp" "$secret" | openssl dgst -sha256 -hmac "$secret" -binary | base64)
curl -sS -w ' HTTP %{http_code}\n' -X POST "$hub/callbacks/dingtalk/robot" \
  -H 'Content-Type: application/json; charset=utf-8' -H "timestamp: $timestamp" -H "sign: $sign" \
  --data-binary @"$payload"
