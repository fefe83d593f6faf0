using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SocFunctions;
using SocFunctions.Observability;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP functions take HttpRequest and return IActionResult.
builder.ConfigureFunctionsWebApplication();

// Everything the functions need; the local dev host (soc serve) calls the same method.
builder.Services.AddSocFunctionApp(builder.Configuration);

// OpenTelemetry to Application Insights, only where APPLICATIONINSIGHTS_CONNECTION_STRING is set (Azure).
builder.Services.AddSocTelemetry(builder.Configuration);

builder.Build().Run();
