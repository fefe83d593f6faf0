// Web PubSub: the app sends every screening and learning event to one hub; dashboards connect with tokens the app issues.
param name string
param location string = resourceGroup().location
param tags object = {}

@description('The hub the app sends to and the dashboard connects to (WebPubSub__Hub).')
param hubName string

@description('Free_F1 (20 connections, 20k messages a day, no SLA) or Standard_S1 (1,000 connections a unit).')
@allowed([ 'Free_F1', 'Standard_S1' ])
param skuName string = 'Free_F1'

@description('Accept only Microsoft Entra ID: the access keys stop working, nothing needs rotating.')
param disableLocalAuth bool = true

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName == 'Free_F1' ? 'Free' : 'Standard'
    capacity: 1
  }
  properties: {
    disableLocalAuth: disableLocalAuth
    disableAadAuth: false
    publicNetworkAccess: 'Enabled'
    tls: {
      clientCertEnabled: false
    }
  }
}

// No event handlers: clients only receive, and join the dashboard group through the role in their token.
resource hub 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: hubName
  properties: {
    anonymousConnectPolicy: 'deny'
    eventHandlers: []
  }
}

output id string = webPubSub.id
output name string = webPubSub.name
output endpoint string = 'https://${webPubSub.properties.hostName}'
output hubName string = hub.name
