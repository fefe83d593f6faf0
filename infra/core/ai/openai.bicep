// Optional Azure OpenAI: the learning loop asks it for extra attack variations (rules alone work without it).
param name string
param location string = resourceGroup().location
param tags object = {}

@description('Name of the model deployment the app calls.')
param deploymentName string

@description('Model name, for example gpt-4o-mini.')
param modelName string

@description('Model version, for example 2024-07-18.')
param modelVersion string

@description('Deployment type, for example GlobalStandard or Standard.')
param deploymentSkuName string = 'GlobalStandard'

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int = 10

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

output id string = account.id
output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
