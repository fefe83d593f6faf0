// Log Analytics (where traces, the decision records and Sentinel queries live) and a workspace-based Application Insights.
param logAnalyticsName string
param applicationInsightsName string
param location string = resourceGroup().location
param tags object = {}

@description('Days Log Analytics keeps data (30 is included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Accept only Microsoft Entra ID (managed identity) telemetry, no instrumentation-key-only ingestion.')
param disableLocalAuth bool = true

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: disableLocalAuth
  }
}

output applicationInsightsName string = applicationInsights.name
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString
output logAnalyticsWorkspaceId string = logAnalytics.id
output logAnalyticsWorkspaceName string = logAnalytics.name
output logAnalyticsCustomerId string = logAnalytics.properties.customerId
