namespace Soc.Core.Normalization;

/// <summary>A word of a text view: its text (already normalised) and where it stands in the view.</summary>
public readonly record struct Token(string Value, int Start, int Length);

/// <summary>One way of reading the message (raw, canonical, decoded, ...), with its words.</summary>
public sealed class TextView
{
    public TextView(string name, string text, IReadOnlyList<Token> tokens)
    {
        Name = name;
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The view's name as it appears in findings: <c>raw</c>, <c>canonical</c>, <c>decoded:base64</c>, ...</summary>
    public string Name { get; }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public string Slice(int start, int length)
    {
        start = Math.Clamp(start, 0, Text.Length);
        length = Math.Clamp(length, 0, Text.Length - start);
        return Text.Substring(start, length);
    }
}

/// <summary>The message and every view the normaliser derived from it.</summary>
public sealed class NormalizedText
{
    public NormalizedText(string raw, IReadOnlyList<TextView> views, IReadOnlyList<string> signals)
    {
        Raw = raw;
        Views = views;
        Signals = signals;
    }

    public string Raw { get; }

    /// <summary>Views to scan; the first is always the canonical view.</summary>
    public IReadOnlyList<TextView> Views { get; }

    /// <summary>Facts the normaliser noticed on the way (for example <c>invisible-chars</c>); evidence in themselves.</summary>
    public IReadOnlyList<string> Signals { get; }

    public TextView Canonical => Views[0];
}
