using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Soc.Local.Serve;

/// <summary>An HTTP function as its own attributes declare it.</summary>
public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, MethodInfo Method);

/// <summary>A Durable trigger (orchestration, activity or entity) as its attributes declare it.</summary>
public sealed record DurableFunction(string Name, string Trigger, MethodInfo Method);

/// <summary>
/// Reads the function app's functions from their <c>[Function]</c> and trigger attributes: the dev host's only route
/// table, so it cannot drift from what the Functions host builds into <c>functions.metadata</c>.
/// </summary>
public static class FunctionCatalog
{
    public static Assembly FunctionAssembly => typeof(SocFunctions.Http.AnalyzeFunction).Assembly;

    public static IReadOnlyList<HttpFunction> HttpFunctions(Assembly? assembly = null)
    {
        var result = new List<HttpFunction>();
        foreach (var (method, name) in Functions(assembly ?? FunctionAssembly))
        {
            var trigger = method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .FirstOrDefault(a => a is not null);
            if (trigger is null)
            {
                continue;
            }

            var methods = (trigger.Methods is { Length: > 0 } m ? m : ["get", "post", "put", "patch", "delete", "options", "head"])
                .Select(x => x.ToUpperInvariant())
                .ToArray();
            result.Add(new HttpFunction(name, methods, trigger.Route ?? name, method));
        }

        return result.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

    public static IReadOnlyList<DurableFunction> DurableFunctions(Assembly? assembly = null)
    {
        var result = new List<DurableFunction>();
        foreach (var (method, name) in Functions(assembly ?? FunctionAssembly))
        {
            foreach (var p in method.GetParameters())
            {
                var trigger = p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name is "OrchestrationTriggerAttribute" or "ActivityTriggerAttribute" or "EntityTriggerAttribute");
                if (trigger is not null)
                {
                    result.Add(new DurableFunction(name, trigger.GetType().Name.Replace("Attribute", string.Empty, StringComparison.Ordinal), method));
                }
            }
        }

        return result.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<(MethodInfo Method, string Name)> Functions(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is not null)
                {
                    yield return (method, function.Name);
                }
            }
        }
    }
}
