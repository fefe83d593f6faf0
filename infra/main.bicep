// SOC Guard on Azure: `azd up` provisions this, then deploys the API (function app) and the dashboard (static site).
// Subscription scope so one command creates the resource group too; one module per concern.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; every resource name and the azd-env-name tag derive from it.')
param environmentName string

@minLength(1)
@description('Region for every resource except the dashboard (Static Web Apps runs in a few regions only).')
param location string

@description('Region of the dashboard static site.')
@allowed([ 'westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia' ])
param dashboardLocation string = 'westeurope'

@description('Object id of the person running azd: gets data access to the storage account for local runs. Empty to skip.')
param principalId string = ''

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Durable Functions task hub name (letters and digits, 3 to 45 characters).')
@minLength(3)
@maxLength(45)
param durableTaskHubName string = 'SocGuard'

@description('Prefix of every table the app creates in the storage account.')
param tablePrefix string = 'soc'

@description('Enforce: block dangerous messages. Shadow: never block, only report what would have been blocked (for a first rollout).')
@allowed([ 'Enforce', 'Shadow' ])
param detectionMode string = 'Enforce'

@description('Most instances the API may scale out to; bounds the bill when someone floods the API.')
@minValue(1)
@maxValue(1000)
param apiMaximumInstanceCount int = 40

@description('Memory per API instance in MB.')
@allowed([ 512, 2048, 4096 ])
param apiInstanceMemoryMB int = 2048

@description('Web PubSub tier: Free_F1 (20 concurrent dashboards, 20k messages a day) or Standard_S1.')
@allowed([ 'Free_F1', 'Standard_S1' ])
param webPubSubSku string = 'Free_F1'

@description('Static Web Apps tier for the dashboard.')
@allowed([ 'Free', 'Standard' ])
param dashboardSku string = 'Free'

@description('Bootstrap API keys (`key` or `tenant:key`, `;`-separated), stored in Key Vault. Empty: only keys issued through the tenants API work.')
@secure()
param bootstrapApiKeys string = ''

@description('Deploy an Azure OpenAI account and model for AI-generated attack variations (learning works without it).')
param deployOpenAi bool = false

@description('Region of the Azure OpenAI account (model availability differs by region); empty for the main region.')
param openAiLocation string = ''

@description('Model the learning loop asks for variations.')
param openAiModelName string = 'gpt-4o-mini'

@description('Version of that model.')
param openAiModelVersion string = '2024-07-18'

@description('Name of the model deployment.')
param openAiDeploymentName string = 'variations'

@description('Model capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var webPubSubHubName = 'soc'
var apiName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module webPubSub 'core/pubsub/web-pubsub.bicep' = {
  name: 'web-pubsub'
  scope: rg
  params: {
    name: '${abbrs.signalRServiceWebPubSub}${resourceToken}'
    location: location
    tags: tags
    hubName: webPubSubHubName
    skuName: webPubSubSku
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    secrets: {
      'api-keys': bootstrapApiKeys
    }
  }
}

module openAi 'core/ai/openai.bicep' = if (deployOpenAi) {
  name: 'openai'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesAccounts}${resourceToken}'
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    capacity: openAiCapacity
  }
}

module dashboard 'core/host/static-web-app.bicep' = {
  name: 'dashboard'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}dashboard-${resourceToken}'
    location: dashboardLocation
    tags: union(tags, { 'azd-service-name': 'dashboard' })
    skuName: dashboardSku
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: apiName
    planName: '${abbrs.webServerFarms}api-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    webPubSubEndpoint: webPubSub.outputs.endpoint
    webPubSubHubName: webPubSub.outputs.hubName
    openAiEndpoint: deployOpenAi ? openAi!.outputs.endpoint : ''
    openAiDeploymentName: deployOpenAi ? openAi!.outputs.deploymentName : ''
    apiKeysSecretUri: empty(bootstrapApiKeys) ? '' : '${keyVault.outputs.uri}secrets/api-keys'
    allowedOrigins: [ dashboard.outputs.uri ]
    durableTaskHubName: durableTaskHubName
    tablePrefix: tablePrefix
    detectionMode: detectionMode
    maximumInstanceCount: apiMaximumInstanceCount
    instanceMemoryMB: apiInstanceMemoryMB
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    userPrincipalId: principalId
    storageAccountName: storage.outputs.name
    webPubSubName: webPubSub.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    openAiAccountName: deployOpenAi ? openAi!.outputs.name : ''
  }
}

// azd stores these in .azure/<env>/.env; scripts/azd/postprovision.sh turns them into local.settings.json.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SOC_API_URL string = api.outputs.uri
output SOC_DASHBOARD_URL string = dashboard.outputs.uri
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output STORAGE_TABLE_PREFIX string = tablePrefix
output DURABLE_TASK_HUB_NAME string = durableTaskHubName
output WEB_PUBSUB_ENDPOINT string = webPubSub.outputs.endpoint
output WEB_PUBSUB_HUB string = webPubSub.outputs.hubName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.logAnalyticsWorkspaceName
output KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_OPENAI_ENDPOINT string = deployOpenAi ? openAi!.outputs.endpoint : ''
output AZURE_OPENAI_DEPLOYMENT string = deployOpenAi ? openAi!.outputs.deploymentName : ''
output DETECTION_MODE string = detectionMode
