using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SocFunctions.Tests.Infra;

/// <summary>
/// The app settings as three lists: what the code reads, what infra/app/*.bicep sets, and what infra/optional-settings.md
/// documents as optional. Settings are compared in app-setting form (<c>Section__Property</c>).
/// </summary>
internal static partial class AppSettingsCatalog
{
    /// <summary>The assemblies the deployed function app runs (the engine, the adapters, the function app).</summary>
    public static IReadOnlyList<Assembly> AppAssemblies { get; } =
    [
        typeof(Soc.Core.Detection.DetectionOptions).Assembly,
        typeof(Soc.Infrastructure.Storage.StorageOptions).Assembly,
        typeof(SocFunctions.Http.AnalyzeFunction).Assembly,
    ];

    /// <summary>Source folders of those assemblies, scanned for keys read directly from configuration.</summary>
    public static IReadOnlyList<string> AppSourceFolders { get; } = ["src/Soc.Core", "src/Soc.Infrastructure", "src/SocFunctions"];

    /// <summary>Options classes: every type with a <c>public const string SectionName</c>, by section name.</summary>
    public static IReadOnlyDictionary<string, Type> OptionsSections(IEnumerable<Assembly> assemblies)
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assemblies.SelectMany(LoadableTypes))
        {
            var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.FieldType == typeof(string) && field.GetRawConstantValue() is string name)
            {
                sections[name] = type;
            }
        }

        return sections;
    }

    /// <summary>
    /// <c>Section__Property</c> for every public settable property of every options class; nested option objects
    /// become <c>Section__Property__Inner</c>; a list or dictionary is one setting (its items add <c>__0</c>, <c>__key</c>).
    /// </summary>
    public static SortedSet<string> BoundSettings(IReadOnlyDictionary<string, Type> sections)
    {
        var settings = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in sections)
        {
            AddProperties(settings, section, type, depth: 0);
        }

        return settings;
    }

    /// <summary>Keys read directly (<c>configuration["X"]</c>, environment variables) in the app's source, and host.json <c>%X%</c>.</summary>
    public static SortedSet<string> DirectKeys(string root, IEnumerable<string> sourceFolders)
    {
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in sourceFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var key in DirectKeysInSource(File.ReadAllText(file)))
                {
                    keys.Add(key);
                }
            }
        }

        foreach (Match m in HostJsonReference().Matches(File.ReadAllText(Path.Combine(root, "host.json"))))
        {
            keys.Add(m.Groups[1].Value);
        }

        return keys;
    }

    /// <summary>Configuration keys one C# source file reads by literal or by a string constant of the same file.</summary>
    public static IEnumerable<string> DirectKeysInSource(string source)
    {
        var constants = StringConstant().Matches(source).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        foreach (Match m in ConfigurationRead().Matches(source))
        {
            var literal = m.Groups["literal"];
            var key = literal.Success ? literal.Value : constants.GetValueOrDefault(m.Groups["constant"].Value);
            if (key is not null)
            {
                yield return ToAppSetting(key);
            }
        }
    }

    /// <summary>The keys of the <c>appsettings</c> config resource of every Bicep file under infra/app.</summary>
    public static SortedSet<string> BicepAppSettings(string root)
    {
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "infra", "app"), "*.bicep"))
        {
            keys.UnionWith(AppSettingsInBicep(File.ReadAllText(file)));
        }

        return keys;
    }

    /// <summary>
    /// Keys of the top-level <c>properties</c> object of each <c>Microsoft.Web/sites/config</c> resource named
    /// <c>appsettings</c>.
    /// </summary>
    public static IEnumerable<string> AppSettingsInBicep(string bicep)
    {
        foreach (Match resource in SiteConfigResource().Matches(bicep))
        {
            var body = Block(bicep, bicep.IndexOf('{', resource.Index + resource.Length - 1));
            if (!AppSettingsName().IsMatch(body))
            {
                continue;
            }

            var properties = PropertiesStart().Match(body);
            if (!properties.Success)
            {
                continue;
            }

            var block = Block(body, properties.Index + properties.Length - 1);
            var depth = 0;
            foreach (var line in block[1..^1].Split('\n'))
            {
                if (depth == 0 && BicepKey().Match(line) is { Success: true } key)
                {
                    yield return key.Groups[1].Value;
                }

                depth += line.Count(c => c is '{' or '[') - line.Count(c => c is '}' or ']');
            }
        }
    }

    /// <summary>The backquoted names in the first column of the table in infra/optional-settings.md.</summary>
    public static SortedSet<string> DocumentedOptional(string root)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Path.Combine(root, "infra", "optional-settings.md")))
        {
            if (TableFirstCell().Match(line) is { Success: true } m)
            {
                names.Add(m.Groups[1].Value);
            }
        }

        return names;
    }

    /// <summary>True when a code setting is covered by a listed one: same name, or a list item of it (<c>X__0</c>).</summary>
    public static bool Covers(IEnumerable<string> listed, string setting) =>
        listed.Any(l => l.Equals(setting, StringComparison.OrdinalIgnoreCase)
            || l.StartsWith(setting + "__", StringComparison.OrdinalIgnoreCase));

    /// <summary>The section of an app setting (<c>Detection</c> for <c>Detection__BlockThreshold</c>), or null.</summary>
    public static string? SectionOf(string setting)
    {
        var i = setting.IndexOf("__", StringComparison.Ordinal);
        return i > 0 ? setting[..i] : null;
    }

    private static string ToAppSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static void AddProperties(SortedSet<string> settings, string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = prefix + "__" + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (depth < 4 && IsNestedOptions(propertyType))
            {
                AddProperties(settings, name, propertyType, depth + 1);
            }
            else
            {
                settings.Add(name);
            }
        }
    }

    private static bool IsNestedOptions(Type type) =>
        type.IsClass
        && type != typeof(string)
        && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    /// <summary>The text of the brace-balanced block that starts at <paramref name="open"/>.</summary>
    private static string Block(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[open..(i + 1)];
            }
        }

        throw new FormatException("Unbalanced braces in a Bicep file.");
    }

    [GeneratedRegex("""\b\w*[Cc]onfig\w*\s*\[\s*(?:"(?<literal>[^"]+)"|(?<constant>[A-Za-z_]\w*))\s*\]|GetEnvironmentVariable\(\s*(?:"(?<literal>[^"]+)"|(?<constant>[A-Za-z_]\w*))\s*\)""")]
    private static partial Regex ConfigurationRead();

    [GeneratedRegex("""const\s+string\s+(\w+)\s*=\s*"([^"]+)"\s*;""")]
    private static partial Regex StringConstant();

    [GeneratedRegex("%([A-Za-z_][A-Za-z0-9_]*)%")]
    private static partial Regex HostJsonReference();

    [GeneratedRegex("""resource\s+\w+\s+'Microsoft\.Web/sites/config@[^']+'\s*=\s*(?:if\s*\([^\n]*\)\s*)?\{""")]
    private static partial Regex SiteConfigResource();

    [GeneratedRegex("""^\s*name:\s*'appsettings'""", RegexOptions.Multiline)]
    private static partial Regex AppSettingsName();

    [GeneratedRegex("""^\s*properties:\s*\{""", RegexOptions.Multiline)]
    private static partial Regex PropertiesStart();

    [GeneratedRegex("""^\s*'?([A-Za-z_][A-Za-z0-9_.\-]*)'?\s*:""")]
    private static partial Regex BicepKey();

    [GeneratedRegex("""^\|\s*`([^`]+)`\s*\|""")]
    private static partial Regex TableFirstCell();
}
