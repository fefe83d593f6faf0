using Soc.Core.Patterns;

namespace Soc.Infrastructure.Events;

/// <summary>Counts per time bucket.</summary>
public sealed record MetricsBucket(DateTimeOffset Start, int Screened, int Blocked, int Flagged, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<string, int> Learning);

/// <summary>What the dashboard's cards and charts show.</summary>
public sealed record DashboardMetrics(
    DateTimeOffset From,
    DateTimeOffset To,
    int BucketMinutes,
    int MessagesScreened,
    int Blocked,
    int Flagged,
    double BlockRate,
    double? LatencyP50Micros,
    double? LatencyP99Micros,
    int PatternsLearned,
    double? DetectionImprovement,
    bool Truncated,
    IReadOnlyList<MetricsBucket> Series);

/// <summary>Computes dashboard metrics from the stored events and the pattern store.</summary>
public sealed class DashboardMetricsService(IEventStore events, IPatternStore patterns, TimeProvider time)
{
    public const int MaxEvents = 50_000;

    public async Task<DashboardMetrics> ComputeAsync(string tenantId, TimeSpan window, int buckets, CancellationToken cancellationToken)
    {
        var to = time.GetUtcNow();
        var from = to - window;
        var summaries = await events.SummariesAsync(tenantId, from, to, MaxEvents, cancellationToken).ConfigureAwait(false);
        var set = await patterns.LoadAsync(cancellationToken).ConfigureAwait(false);
        var bucketSpan = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, window.Ticks / buckets));
        var series = Enumerable.Range(0, buckets).Select(_ => new Accumulator()).ToArray();

        var screened = 0;
        var blocked = 0;
        var flagged = 0;
        var latencies = new List<long>();
        double? improvement = null;
        foreach (var s in summaries)
        {
            var index = Math.Clamp((int)((s.At - from).Ticks / bucketSpan.Ticks), 0, buckets - 1);
            var bucket = series[index];
            if (s.Type is "threat.blocked" or "threat.flagged" or "message.allowed")
            {
                screened++;
                bucket.Screened++;
                if (s.ElapsedMicros is { } micros)
                {
                    latencies.Add(micros);
                }

                if (s.Type == "threat.blocked")
                {
                    blocked++;
                    bucket.Blocked++;
                }
                else if (s.Type == "threat.flagged")
                {
                    flagged++;
                    bucket.Flagged++;
                }

                if (s.Type != "message.allowed")
                {
                    foreach (var c in s.Categories)
                    {
                        bucket.ByCategory[c] = bucket.ByCategory.GetValueOrDefault(c) + 1;
                    }
                }
            }
            else if (s.Type.StartsWith("learning.", StringComparison.Ordinal) || s.Type == "detector.updated")
            {
                bucket.Learning[s.Type] = bucket.Learning.GetValueOrDefault(s.Type) + 1;
                // Summaries come newest first: the first figure seen is the latest one.
                improvement ??= s.DetectionImprovement;
            }
        }

        latencies.Sort();
        return new DashboardMetrics(
            from,
            to,
            (int)bucketSpan.TotalMinutes,
            screened,
            blocked,
            flagged,
            screened == 0 ? 0 : Math.Round((double)blocked / screened, 4),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            set.Patterns.Count(p => !p.AllowList && p.Status is PatternStatus.Active or PatternStatus.Shadow),
            improvement,
            summaries.Count >= MaxEvents,
            series.Select((b, i) => new MetricsBucket(from + (bucketSpan * i), b.Screened, b.Blocked, b.Flagged, b.ByCategory, b.Learning)).ToArray());
    }

    /// <summary>Nearest-rank percentile; null without data.</summary>
    public static double? Percentile(IReadOnlyList<long> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private sealed class Accumulator
    {
        public int Screened { get; set; }

        public int Blocked { get; set; }

        public int Flagged { get; set; }

        public Dictionary<string, int> ByCategory { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Learning { get; } = new(StringComparer.Ordinal);
    }
}
