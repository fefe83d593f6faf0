using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Soc.Local.Serve;

/// <summary>
/// The <see cref="FunctionContext"/> a function sees under the dev host: its name, an invocation id and the request's
/// services. Bindings are resolved by the dev host itself, so the binding context is empty.
/// </summary>
internal sealed class DevFunctionContext : FunctionContext
{
    public DevFunctionContext(string functionName, string entryPoint, IServiceProvider services, CancellationToken cancellationToken)
    {
        InstanceServices = services;
        CancellationToken = cancellationToken;
        FunctionDefinition = new DevFunctionDefinition(functionName, entryPoint);
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new DevTraceContext();

    public override BindingContext BindingContext { get; } = new DevBindingContext();

    public override RetryContext RetryContext { get; } = new DevRetryContext();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException("Invocation features are not available under the local dev host.");

    public override CancellationToken CancellationToken { get; }

    private sealed class DevFunctionDefinition(string name, string entryPoint) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(SocFunctions.Http.AnalyzeFunction).Assembly.Location;

        public override string EntryPoint => entryPoint;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class DevTraceContext : TraceContext
    {
        public override string TraceParent => System.Diagnostics.Activity.Current?.Id ?? string.Empty;

        public override string TraceState => System.Diagnostics.Activity.Current?.TraceStateString ?? string.Empty;
    }

    private sealed class DevBindingContext : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
    }

    private sealed class DevRetryContext : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }
}
