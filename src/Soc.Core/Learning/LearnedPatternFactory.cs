using System.Security.Cryptography;
using System.Text;
using Soc.Core.Patterns;

namespace Soc.Core.Learning;

/// <summary>Turns the gate's decisions into learned patterns with provenance (report, reporter, time, gate figures).</summary>
public static class LearnedPatternFactory
{
    /// <summary>Category of allow-list entries.</summary>
    public const string AllowListCategory = "allow_list";

    /// <summary>Category when the reporter gave no threat type.</summary>
    public const string DefaultCategory = "prompt_injection";

    /// <summary>A learned pattern per decision (rejected ones too, so the record shows why), in the decisions' order.</summary>
    public static IReadOnlyList<LearnedPattern> Create(MissReport report, IReadOnlyList<GateDecision> decisions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(decisions);
        var category = report.FalsePositive ? AllowListCategory : NormalizeCategory(report.ActualThreatType);
        return decisions.Select(d => new LearnedPattern(
                Id(d.Candidate.Tokens, report.FalsePositive),
                d.Candidate.Tokens.ToArray(),
                category,
                report.Severity,
                d.Status,
                new PatternProvenance(report.ReportId, report.ReportedBy, now, d.VariationRecall, d.BenignFalsePositiveRate, d.Reason),
                report.FalsePositive))
            .ToArray();
    }

    /// <summary>A stable id from the words (and the allow-list flag): the same pattern learned twice has one id.</summary>
    public static string Id(IReadOnlyList<string> tokens, bool allowList)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes((allowList ? "allow\u0001" : "block\u0001") + string.Join('\u0001', tokens)));
        return (allowList ? "LA-" : "LP-") + Convert.ToHexString(bytes, 0, 6).ToLowerInvariant();
    }

    private static string NormalizeCategory(string? threatType)
    {
        if (string.IsNullOrWhiteSpace(threatType))
        {
            return DefaultCategory;
        }

        var sb = new StringBuilder(Math.Min(threatType.Length, 64));
        foreach (var c in threatType.Trim().ToLowerInvariant())
        {
            if (sb.Length >= 64)
            {
                break;
            }

            sb.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return sb.ToString();
    }
}
