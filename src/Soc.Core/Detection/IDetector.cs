using Soc.Core.Normalization;
using Soc.Core.Patterns;

namespace Soc.Core.Detection;

/// <summary>
/// One detection method. Detectors are registered by name, enabled and ordered by configuration
/// (<see cref="DetectionOptions.Detectors"/>); an unknown name fails at start-up. Single-message detectors read
/// <see cref="ScanInput.Text"/>; conversation-aware ones (multi-turn escalation, behaviour, rate limits) read
/// <see cref="ScanInput.Context"/> (session id, earlier turns, tenant) and the findings earlier detectors added, and
/// keep any state they need behind their own service, never in the analyzer.
/// </summary>
public interface IDetector
{
    /// <summary>The stable name configuration uses, for example <c>instruction-override</c>.</summary>
    string Name { get; }

    /// <summary>Adds findings for the message to <paramref name="findings"/>. Must not throw on any input.</summary>
    void Detect(ScanInput input, List<Finding> findings);
}

/// <summary>Everything a detector may look at for one message.</summary>
public sealed class ScanInput
{
    public ScanInput(NormalizedText text, PatternSnapshot patterns, AnalysisContext? context, int paranoiaLevel)
    {
        Text = text;
        Patterns = patterns;
        Context = context;
        ParanoiaLevel = paranoiaLevel;
    }

    public NormalizedText Text { get; }

    public PatternSnapshot Patterns { get; }

    public AnalysisContext? Context { get; }

    public int ParanoiaLevel { get; }

    /// <summary>The session this message belongs to, when the caller gave one.</summary>
    public string? SessionId => Context?.SessionId;

    /// <summary>Earlier turns of the conversation, oldest first; empty when the caller gave none.</summary>
    public IReadOnlyList<string> History => Context?.History ?? [];
}
