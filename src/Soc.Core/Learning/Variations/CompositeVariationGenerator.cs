using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Soc.Core.Learning.Variations;

/// <summary>
/// The variation generator the learning loop uses: a share from the AI model when one is configured, the rest (and
/// everything, when the model is missing or fails) from the rule techniques. Variations are distinct and never the
/// reported text itself.
/// </summary>
public sealed partial class CompositeVariationGenerator : IVariationGenerator
{
    public const string AiTechnique = "ai";

    private readonly RuleVariationGenerator _rules;
    private readonly IAiVariationModel? _ai;
    private readonly LearningOptions _options;
    private readonly ILogger<CompositeVariationGenerator> _logger;

    public CompositeVariationGenerator(
        RuleVariationGenerator rules,
        IOptions<LearningOptions> options,
        ILogger<CompositeVariationGenerator> logger,
        IAiVariationModel? ai = null)
    {
        _rules = rules;
        _ai = ai;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<IReadOnlyList<Variation>> GenerateAsync(MissReport report, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        count = Math.Clamp(count, 0, RuleVariationGenerator.MaxCount);
        var result = new List<Variation>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal) { report.Message };
        var aiCount = _ai is null ? 0 : (int)Math.Round(count * _options.AiVariationShare);
        if (aiCount > 0)
        {
            try
            {
                var texts = await _ai!.GenerateAsync(report, aiCount, cancellationToken).ConfigureAwait(false);
                foreach (var text in texts)
                {
                    if (result.Count < aiCount && !string.IsNullOrWhiteSpace(text) && seen.Add(text))
                    {
                        result.Add(new Variation(text, AiTechnique));
                    }
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure of the model (timeout, HTTP error, malformed output) falls back to the rules.
                LogAiFallback(_logger, report.ReportId, ex.GetType().Name, ex);
            }
        }

        var aiMade = result.Count;
        result.AddRange(_rules.Generate(report, count - result.Count, seen));
        LogGenerated(_logger, report.ReportId, result.Count, aiMade);
        return result;
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Report {ReportId}: {Count} variations generated ({AiCount} by the AI model)")]
    private static partial void LogGenerated(ILogger logger, string reportId, int count, int aiCount);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Report {ReportId}: AI variation model failed ({Error}); the rule generators make the variations")]
    private static partial void LogAiFallback(ILogger logger, string reportId, string error, Exception exception);
}
