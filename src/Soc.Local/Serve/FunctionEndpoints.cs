using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SocFunctions.Http;

namespace Soc.Local.Serve;

/// <summary>
/// Maps every HTTP function of the function app onto Kestrel endpoints under <c>/api</c>, binding its parameters the
/// way the Functions host does for the kinds the app uses: <see cref="HttpRequest"/>, <see cref="FunctionContext"/>,
/// <c>[DurableClient] DurableTaskClient</c>, <see cref="CancellationToken"/> and route values.
/// </summary>
public static class FunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static IReadOnlyList<HttpFunction> MapFunctionApp(this IEndpointRouteBuilder endpoints)
    {
        var functions = FunctionCatalog.HttpFunctions();
        foreach (var function in functions)
        {
            var binders = function.Method.GetParameters().Select(p => CreateBinder(function, p)).ToArray();
            var template = "/" + RoutePrefix + "/" + function.Route.TrimStart('/');
            endpoints.MapMethods(template, function.Methods, context => InvokeAsync(function, binders, context))
                .WithName(function.Name)
                .WithDisplayName(function.Name);
        }

        return functions;
    }

    private static async Task InvokeAsync(HttpFunction function, Func<HttpContext, object?>[] binders, HttpContext context)
    {
        var method = function.Method;
        object? instance = null;
        if (!method.IsStatic)
        {
            instance = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetServiceOrCreateInstance(context.RequestServices, method.DeclaringType!);
        }

        var args = binders.Select(b => b(context)).ToArray();
        object? returned;
        try
        {
            returned = method.Invoke(instance, args);
            if (returned is Task task)
            {
                await task.ConfigureAwait(false);
                returned = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                break;
            case IResult result:
                await result.ExecuteAsync(context).ConfigureAwait(false);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw new InvalidOperationException($"Function {function.Name} returned {returned.GetType().Name}, which the dev host does not map.");
        }
    }

    private static Func<HttpContext, object?> CreateBinder(HttpFunction function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return c => c.Request;
        }

        if (type == typeof(HttpContext))
        {
            return c => c;
        }

        if (type == typeof(CancellationToken))
        {
            return c => c.RequestAborted;
        }

        if (type == typeof(FunctionContext))
        {
            var entry = function.Method.DeclaringType!.FullName + "." + function.Method.Name;
            return c => new DevFunctionContext(function.Name, entry, c.RequestServices, c.RequestAborted);
        }

        if (typeof(DurableTaskClient).IsAssignableFrom(type))
        {
            return c => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DurableTaskClient>(c.RequestServices);
        }

        if (type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(Guid) || Nullable.GetUnderlyingType(type) is not null)
        {
            var name = parameter.Name!;
            return c =>
            {
                var raw = c.GetRouteValue(name)?.ToString() ?? c.Request.Query[name].FirstOrDefault();
                if (raw is null)
                {
                    return parameter.HasDefaultValue ? parameter.DefaultValue : null;
                }

                var target = Nullable.GetUnderlyingType(type) ?? type;
                return target == typeof(Guid) ? Guid.Parse(raw) : Convert.ChangeType(raw, target, CultureInfo.InvariantCulture);
            };
        }

        throw new InvalidOperationException(
            $"Function {function.Name}: the dev host cannot bind parameter '{parameter.Name}' of type {type.Name}. " +
            "Bind it in the function from HttpRequest, or teach FunctionEndpoints the binding.");
    }

    /// <summary>Answers unhandled exceptions with a problem+json 500 instead of an empty response.</summary>
    public static IApplicationBuilder UseProblemDetailsForErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
            {
                var logger = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                    .GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(context.RequestServices)
                    .CreateLogger("Soc.Local.DevHost");
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, ex, "Unhandled exception in {Path}", context.Request.Path.Value);
                context.Response.Clear();
                await ApiResults.Problem(StatusCodes.Status500InternalServerError, "The server failed to handle the request.")
                    .ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
            }
        });
}
