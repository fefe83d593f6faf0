namespace Soc.Core.Detection;

/// <summary>Screens one message. Pure CPU over an immutable pattern snapshot: no I/O.</summary>
public interface IThreatAnalyzer
{
    Verdict Analyze(string message, AnalysisContext? context = null);
}

/// <summary>Optional context of a screening call (session and earlier turns); the sessions work builds on it.</summary>
public sealed record AnalysisContext(string? SessionId = null, IReadOnlyList<string>? History = null, string? TenantId = null);
