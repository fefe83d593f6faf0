// The SOC Guard API: a .NET 10 isolated function app on the Flex Consumption plan. Every Azure service is reached with
// the user-assigned identity; the app settings below are the whole configuration the code reads in Azure
// (tests/SocFunctions.Tests/Infra/SettingsCoverageTests.cs checks them against the code, infra/optional-settings.md
// lists the ones left at their defaults).
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}

@description('azd service name this app deploys (azure.yaml).')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (for AzureWebJobsStorage__clientId and DefaultAzureCredential).')
param identityClientId string

param storageAccountName string
param storageTableEndpoint string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param webPubSubEndpoint string
param webPubSubHubName string

@description('Azure OpenAI endpoint; empty when no OpenAI account is deployed (the learning loop then uses rules only).')
param openAiEndpoint string = ''

@description('Azure OpenAI deployment name; empty when not deployed.')
param openAiDeploymentName string = ''

@description('Key Vault secret URI of the bootstrap API keys; empty when none were given.')
param apiKeysSecretUri string = ''

@description('Key Vault secret URI of the tenants management API key; empty leaves that API closed (403).')
param tenantsAdminKeySecretUri string = ''

@description('Key Vault secret URI of the pepper mixed into every stored API key digest.')
param tenantsKeyPepperSecretUri string = ''

@description('Key Vault secret URI of the secret flag the protected chatbot guards.')
param chatSystemFlagSecretUri string = ''

@description('Key Vault secret URI of the per-reporter secrets of the signed learning webhooks.')
param learningWebhookSecretsSecretUri string = ''

@description('Origins allowed to call the API from a browser (the dashboard).')
param allowedOrigins array = []

@description('Durable Functions task hub name (letters and digits).')
param durableTaskHubName string

@description('Prefix of every table the app creates.')
param tablePrefix string

@description('Enforce (block) or Shadow (report what would have been blocked).')
@allowed([ 'Enforce', 'Shadow' ])
param detectionMode string

@description('Most instances Flex Consumption may scale out to (bounds the bill under attack).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int

// An app setting that resolves from Key Vault with the app's identity; empty when the secret was not provided.
func keyVaultReference(secretUri string) string => empty(secretUri) ? '' : '@Microsoft.KeyVault(SecretUri=${secretUri})'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// One flat object: the settings coverage test reads these keys. Flex Consumption sets the worker runtime and the
// extension version itself (FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are rejected here).
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Functions host and Durable task hub storage, identity-based.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    DurableTaskHubName: durableTaskHubName
    // DefaultAzureCredential (tables, Web PubSub, OpenAI) picks the user-assigned identity from this.
    AZURE_CLIENT_ID: identityClientId
    // Telemetry: OpenTelemetry to Application Insights, authenticated with the identity.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The app's tables.
    Storage__TableServiceUri: storageTableEndpoint
    Storage__TablePrefix: tablePrefix
    // Live events to the dashboard.
    WebPubSub__Endpoint: webPubSubEndpoint
    WebPubSub__Hub: webPubSubHubName
    // Optional Azure OpenAI, with the identity: variations for learning, answers of the protected chatbot.
    OpenAI__Endpoint: openAiEndpoint
    OpenAI__Deployment: openAiDeploymentName
    Chat__OpenAiEndpoint: openAiEndpoint
    Chat__OpenAiDeployment: openAiDeploymentName
    // Secrets, from Key Vault (tenants' own API keys live in Table Storage as peppered digests).
    Api__Keys: keyVaultReference(apiKeysSecretUri)
    Tenants__AdminKey: keyVaultReference(tenantsAdminKeySecretUri)
    Tenants__KeyPepper: keyVaultReference(tenantsKeyPepperSecretUri)
    Chat__SystemFlag: keyVaultReference(chatSystemFlagSecretUri)
    LearningWebhook__Secrets: keyVaultReference(learningWebhookSecretsSecretUri)
    Detection__Mode: detectionMode
  }
}

output id string = app.id
output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
