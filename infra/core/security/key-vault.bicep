// Key Vault for the secrets that have no identity-based alternative (bootstrap API keys, the tenants admin key and
// key pepper, the chatbot's secret flag); the app reads them through Key Vault references with its managed identity,
// so no secret value is stored in app settings.
param name string
param location string = resourceGroup().location
param tags object = {}

@description('Secrets to store, as name -> value. Empty values are skipped.')
@secure()
param secrets object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for item in items(secrets): if (!empty(item.value)) {
  parent: vault
  name: item.key
  properties: {
    value: item.value
  }
}]

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
