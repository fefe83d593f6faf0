using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Soc.Core.Detection;
using Soc.Core.Normalization;

namespace Soc.Core.Rules;

/// <summary>The built-in rules, loaded from the JSON files embedded in this assembly and validated on load.</summary>
public sealed class RuleCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A key written twice in one rule (two "exceptAfter" lists) would silently keep only the last one.
        AllowDuplicateProperties = false,
        // A key the loader does not know ("exceptWithn", or a phrase pasted over a key's name) would be ignored silently.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Lazy<RuleCatalog> BuiltInCatalog = new(LoadBuiltIn);

    public RuleCatalog(IReadOnlyList<RuleDefinition> rules)
    {
        Validate(rules);
        Rules = rules;
        Compiled = rules.ToDictionary(r => r.Id, r => Compile(r, r.Phrases), StringComparer.Ordinal);
        CompiledThen = rules.ToDictionary(r => r.Id, r => Compile(r, r.Then ?? []), StringComparer.Ordinal);
        // English rules only: short foreign words ("sin", "de") would split English runs badly. Words of one or two
        // letters come only from the curated English list: a stray "um" or "un" in a mixed-language rule would cut
        // "trump" into "tr um p".
        Vocabulary = rules.Where(r => !r.Tags.Any(t => t.StartsWith("lang-", StringComparison.Ordinal)))
            .SelectMany(r => Compiled[r.Id].Concat(CompiledThen[r.Id])).SelectMany(p => p.Words).Where(w => w.Length > 2).Concat(ExtraVocabulary)
            .Where(w => w.Length > 0 && w.All(char.IsAsciiLetterLower)).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IReadOnlyList<PhrasePattern> Compile(RuleDefinition rule, IReadOnlyList<string> phrases)
    {
        try
        {
            return phrases.Select(PhrasePattern.Parse).ToArray();
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"Rule {rule.Id}: {ex.Message}", ex);
        }
    }

    /// <summary>Short words the phrases leave out but run-together text needs to split well.</summary>
    private static readonly string[] ExtraVocabulary =
    [
        "a", "i", "the", "and", "to", "of", "you", "your", "are", "is", "me", "my", "it", "in", "on", "for", "with", "now",
        "this", "that", "what", "tell", "give", "all", "any", "no", "not", "do", "be", "as", "an", "or", "say",
        "ai", "us", "up", "by", "if", "so", "we", "he", "at", "go", "am", "ex", "id", "re", "ll", "ve",
    ];

    /// <summary>Every word the built-in phrases use (lower-case ASCII), for segmenting run-together letters.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The rules shipped with the engine.</summary>
    public static RuleCatalog BuiltIn => BuiltInCatalog.Value;

    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Compiled phrases per rule id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PhrasePattern>> Compiled { get; }

    /// <summary>Compiled second-part (<c>then</c>) phrases per rule id; empty for one-part rules.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PhrasePattern>> CompiledThen { get; }

    /// <summary>The most words a rule's <c>then</c> part may start after its first part.</summary>
    public const int MaxThenWithin = 24;

    public IEnumerable<RuleDefinition> ForDetector(string detector) =>
        Rules.Where(r => string.Equals(r.Detector, detector, StringComparison.Ordinal));

    public static RuleCatalog LoadBuiltIn()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var rules = new List<RuleDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Soc.Core.Rules.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded rule file {name} is missing.");
            rules.AddRange(Parse(stream, name));
        }

        return new RuleCatalog(rules);
    }

    public static IReadOnlyList<RuleDefinition> Parse(Stream json, string sourceName)
    {
        RuleFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RuleFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Rule file {sourceName}: {ex.Message}", ex);
        }

        if (file is null)
        {
            throw new InvalidDataException($"Rule file {sourceName} is empty.");
        }

        return file.Rules.Select(r => r.ToDefinition(sourceName)).ToArray();
    }

    private static void Validate(IReadOnlyList<RuleDefinition> rules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!seen.Add(rule.Id))
            {
                throw new InvalidDataException($"Rule id {rule.Id} is defined twice.");
            }

            if (rule.Weight is <= 0 or > 1 || rule.Confidence is <= 0 or > 1)
            {
                throw new InvalidDataException($"Rule {rule.Id}: weight and confidence must be in (0, 1].");
            }

            if (rule.Phrases.Count == 0 && (rule.Signals?.Count ?? 0) + (rule.Markers?.Count ?? 0) + (rule.LineMarkers?.Count ?? 0) == 0)
            {
                throw new InvalidDataException($"Rule {rule.Id}: needs phrases, signals or markers.");
            }

            if ((rule.Then?.Count ?? 0) > 0 && (rule.Phrases.Count == 0 || rule.ThenWithin is < 1 or > MaxThenWithin))
            {
                throw new InvalidDataException($"Rule {rule.Id}: 'then' needs phrases and a 'thenWithin' of 1..{MaxThenWithin} words.");
            }

            if (rule.ThenEitherSide && (rule.Then?.Count ?? 0) == 0)
            {
                throw new InvalidDataException($"Rule {rule.Id}: 'thenEitherSide' needs 'then' phrases.");
            }

            // An exception entry is compared with the text's words, which never hold a space, hyphen or apostrophe
            // ("add-in" is two words): such an entry, or an empty part of "put+down", would never match.
            foreach (var entry in (rule.ExceptAfter ?? []).Concat(rule.ExceptWithin ?? []).Concat(rule.ExceptEarlier ?? []))
            {
                if (entry.Split('+').Any(part => part.Length == 0 || !part.All(IsWordChar)))
                {
                    throw new InvalidDataException($"Rule {rule.Id}: exception '{entry}' must be words of letters and digits, joined by '+'.");
                }
            }

            if (rule.Paranoia is < 1 or > 4)
            {
                throw new InvalidDataException($"Rule {rule.Id}: paranoia must be 1..4.");
            }

            // A tag is a short slug ("owasp-llm01", "lang-th"); a phrase pasted into the tags by mistake would never match.
            foreach (var tag in rule.Tags)
            {
                if (tag.Length is 0 or > 40 || !tag.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                {
                    throw new InvalidDataException($"Rule {rule.Id}: tag '{tag}' must be lower-case letters, digits and hyphens.");
                }
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>Words a rule's <c>then</c> part may start after its first part when the file does not say.</summary>
    public const int DefaultThenWithin = 16;

    /// <summary>How many words before a match <see cref="RuleDefinition.ExceptEarlier"/> looks back, within its sentence.</summary>
    public const int ExceptEarlierWords = 24;

    private sealed class RuleFile
    {
        public List<RuleJson> Rules { get; set; } = [];
    }

    private sealed class RuleJson
    {
        public string? Id { get; set; }

        public string? Detector { get; set; }

        public string? Category { get; set; }

        public Severity Severity { get; set; } = Severity.Medium;

        public int Paranoia { get; set; } = 1;

        public double? Weight { get; set; }

        public double Confidence { get; set; } = 0.85;

        public string? Description { get; set; }

        public List<string> Tags { get; set; } = [];

        public List<string> Phrases { get; set; } = [];

        public List<string> Signals { get; set; } = [];

        public List<string> Markers { get; set; } = [];

        public List<string> LineMarkers { get; set; } = [];

        public List<string> ExceptAfter { get; set; } = [];

        public List<string> ExceptWithin { get; set; } = [];

        public List<string> Then { get; set; } = [];

        public int ThenWithin { get; set; } = DefaultThenWithin;

        public bool ThenEitherSide { get; set; }

        public List<string> ExceptEarlier { get; set; } = [];

        public ExamplesJson Examples { get; set; } = new();

        public RuleDefinition ToDefinition(string source)
        {
            if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Detector) || string.IsNullOrWhiteSpace(Category))
            {
                throw new InvalidDataException($"{source}: every rule needs id, detector and category.");
            }

            return new RuleDefinition(Id, Detector, Category, Severity, Paranoia, Weight ?? RuleDefinition.DefaultWeight(Severity),
                Confidence, Description ?? string.Empty, Tags, Phrases, new RuleExamples(Examples.Match, Examples.NoMatch), Signals,
                Markers.Select(m => m.ToLowerInvariant()).ToArray(), LineMarkers.Select(m => m.ToLowerInvariant()).ToArray(),
                ExceptAfter.Select(ExceptionEntry).ToArray(), ExceptWithin.Select(ExceptionEntry).ToArray(),
                Then, Then.Count > 0 ? ThenWithin : 0, ThenEitherSide, ExceptEarlier.Select(ExceptionEntry).ToArray());
        }

        /// <summary>
        /// An exception entry in the form the detector compares word by word: lower case, and a run of CJK, kana or
        /// hangul written as the one-letter words the tokenizer makes of it ("玩具" is "玩+具"), as a phrase's run is.
        /// </summary>
        internal static string ExceptionEntry(string entry)
        {
            var lower = entry.ToLowerInvariant();
            var sb = new System.Text.StringBuilder(lower.Length * 2);
            for (var i = 0; i < lower.Length; i++)
            {
                var c = lower[i];
                if (i > 0 && c != '+' && lower[i - 1] != '+' && (Tokenizer.IsSingleCharWord(c) || Tokenizer.IsSingleCharWord(lower[i - 1])))
                {
                    sb.Append('+');
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }

    private sealed class ExamplesJson
    {
        public List<string> Match { get; set; } = [];

        public List<string> NoMatch { get; set; } = [];
    }
}
