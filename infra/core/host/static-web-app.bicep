// The dashboard: a static site with no build step on Azure (azd uploads the folder it is given).
param name string
param location string = resourceGroup().location
param tags object = {}

@allowed([ 'Free', 'Standard' ])
param skuName string = 'Free'

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Enabled'
  }
}

output id string = staticWebApp.id
output name string = staticWebApp.name
output uri string = 'https://${staticWebApp.properties.defaultHostname}'
