#!/bin/sh
# azd postprovision hook: writes src/SocFunctions/local.settings.json (git-ignored) from the outputs of
# infra/main.bicep, which azd passes to hooks as environment variables. The local app then uses the provisioned
# storage, Web PubSub and OpenAI with your own sign-in (DefaultAzureCredential picks up `azd auth login`; main.bicep
# gives the signed-in user data roles), under its own Durable task hub so it never takes work from the cloud app.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/src/SocFunctions/local.settings.json"

require() {
  eval "value=\${$1:-}"
  if [ -z "$value" ]; then
    echo "postprovision: $1 is not set; run this through 'azd provision' or 'azd up'" >&2
    exit 1
  fi
}
for name in AZURE_STORAGE_ACCOUNT_NAME AZURE_STORAGE_TABLE_ENDPOINT STORAGE_TABLE_PREFIX DURABLE_TASK_HUB_NAME \
  WEB_PUBSUB_ENDPOINT WEB_PUBSUB_HUB DETECTION_MODE SOC_DASHBOARD_URL SOC_API_URL; do
  require "$name"
done

# Fresh local-only secrets each time, never the cloud's (which stay in Key Vault).
random_hex() {
  od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}
local_key="local-$(random_hex 16)"
local_admin_key="adm-local-$(random_hex 16)"

# Keep the previous file where git never looks (.azure/ is ignored), in case it held hand-made changes.
if [ -f "$target" ]; then
  mkdir -p "$root/.azure"
  cp "$target" "$root/.azure/local.settings.json.bak"
fi

cat > "$target" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage__accountName": "$AZURE_STORAGE_ACCOUNT_NAME",
    "DurableTaskHubName": "${DURABLE_TASK_HUB_NAME}Local",
    "Storage__TableServiceUri": "$AZURE_STORAGE_TABLE_ENDPOINT",
    "Storage__TablePrefix": "${STORAGE_TABLE_PREFIX}local",
    "WebPubSub__Endpoint": "$WEB_PUBSUB_ENDPOINT",
    "WebPubSub__Hub": "$WEB_PUBSUB_HUB",
    "OpenAI__Endpoint": "${AZURE_OPENAI_ENDPOINT:-}",
    "OpenAI__Deployment": "${AZURE_OPENAI_DEPLOYMENT:-}",
    "Api__Keys": "local:$local_key",
    "Tenants__AdminKey": "$local_admin_key",
    "Tenants__KeyPepper": "$(random_hex 32)",
    "Chat__SystemFlag": "FLAG{local-$(random_hex 8)}",
    "Chat__OpenAiEndpoint": "${AZURE_OPENAI_ENDPOINT:-}",
    "Chat__OpenAiDeployment": "${AZURE_OPENAI_DEPLOYMENT:-}",
    "Detection__Mode": "$DETECTION_MODE"
  },
  "Host": {
    "LocalHttpPort": 7071,
    "CORS": "http://127.0.0.1:7071,http://localhost:7071,$SOC_DASHBOARD_URL"
  }
}
JSON

echo "postprovision: wrote $target (local-only keys: API local:$local_key, admin $local_admin_key)"
echo "postprovision: API $SOC_API_URL, dashboard $SOC_DASHBOARD_URL"
