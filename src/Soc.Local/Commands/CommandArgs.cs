using System.Globalization;

namespace Soc.Local.Commands;

/// <summary>A usage error: the command prints it with its usage and exits with code 2.</summary>
public sealed class CommandArgsException(string message) : Exception(message);

/// <summary>
/// Parsed arguments: <c>--name value</c>, <c>--name=value</c>, repeated options, flags (<c>--json</c>) and positionals.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    /// <summary>Options that take no value; everything else after <c>--x</c> takes the next word as its value.</summary>
    public static readonly HashSet<string> KnownFlags = new(StringComparer.Ordinal)
    {
        "help", "h", "json", "wait", "verbose", "no-open", "quiet", "offline", "dry-run", "cross-source", "evidence", "obfuscation",
    };

    public static CommandArgs Parse(IEnumerable<string> argv)
    {
        var result = new CommandArgs();
        var list = argv.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a == "--")
            {
                result.Positionals.AddRange(list.Skip(i + 1));
                break;
            }

            if (!a.StartsWith('-') || a == "-")
            {
                result.Positionals.Add(a);
                continue;
            }

            var name = a.TrimStart('-');
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }

            if (value is null && KnownFlags.Contains(name))
            {
                result._flags.Add(name);
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= list.Count)
                {
                    throw new CommandArgsException($"option --{name} needs a value.");
                }

                value = list[++i];
            }

            if (!result._options.TryGetValue(name, out var values))
            {
                result._options[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _flags.Contains(name);
    }

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v[^1] : null;
    }

    public IReadOnlyList<string> Options(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : [];
    }

    public string Required(string name) =>
        Option(name) ?? throw new CommandArgsException($"option --{name} is required.");

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = Option(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CommandArgsException($"option --{name} must be a whole number from {min} to {max}.");
        }

        return value;
    }

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var raw = Option(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CommandArgsException($"option --{name} must be a number from {min} to {max}.");
        }

        return value;
    }

    /// <summary>Fails on options the command never asked about (typos must not pass silently).</summary>
    public void EnsureNoUnknown()
    {
        var unknown = _options.Keys.Concat(_flags).Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CommandArgsException("unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
