namespace Soc.Core.Detection;

/// <summary>Orders and filters the registered detectors by the names in configuration; unknown names fail fast.</summary>
public static class DetectorRegistry
{
    public static IDetector[] Select(IEnumerable<IDetector> registered, IReadOnlyList<string> configured)
    {
        var all = registered.ToArray();
        var byName = new Dictionary<string, IDetector>(StringComparer.OrdinalIgnoreCase);
        foreach (var detector in all)
        {
            if (!byName.TryAdd(detector.Name, detector))
            {
                throw new InvalidOperationException($"Two detectors are registered as '{detector.Name}'.");
            }
        }

        if (configured.Count == 0)
        {
            return all;
        }

        var unknown = configured.Where(n => !byName.ContainsKey(n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException(
                $"Unknown detector name(s) in Detection:Detectors: {string.Join(", ", unknown)}. Known: {string.Join(", ", byName.Keys.Order())}.");
        }

        return configured.Select(n => byName[n]).ToArray();
    }
}
