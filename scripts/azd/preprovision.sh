#!/bin/sh
# azd preprovision hook: generates, once per azd environment, the secrets the deployment needs and no identity can
# replace, and keeps them in the environment (.azure/<env>/.env, git-ignored); infra/main.parameters.json hands them
# to Bicep, which stores them in Key Vault. Values already set (by an earlier run or by `azd env set`) are kept:
# the key pepper in particular must never change by accident, or every issued tenant key stops working.
set -eu

random_hex() {
  od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

ensure() {
  name="$1"
  value="$2"
  current="$(azd env get-value "$name" 2>/dev/null || true)"
  if [ -z "$current" ]; then
    azd env set "$name" "$value" >/dev/null
    echo "preprovision: generated $name"
  fi
}

ensure SOC_TENANTS_ADMIN_KEY "adm-$(random_hex 24)"
ensure SOC_TENANTS_KEY_PEPPER "$(random_hex 32)"
ensure SOC_CHAT_SYSTEM_FLAG "FLAG{$(random_hex 16)}"
ensure SOC_LEARNING_WEBHOOK_SECRETS "default:$(random_hex 32)"
