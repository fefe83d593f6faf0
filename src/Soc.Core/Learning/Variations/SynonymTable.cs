using System.Collections.Frozen;

namespace Soc.Core.Learning.Variations;

/// <summary>
/// The project's own synonym table for the words prompt attacks turn on. Keys are single lower-case words; a
/// replacement may be several words. Used by <see cref="SynonymTechnique"/> and to pick the words obfuscation touches.
/// </summary>
public static class SynonymTable
{
    private static readonly FrozenDictionary<string, string[]> Table = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ignore"] = ["disregard", "forget", "skip", "overlook", "set aside", "pay no attention to", "override", "dismiss", "bypass"],
        ["disregard"] = ["ignore", "forget", "set aside", "throw out", "drop"],
        ["forget"] = ["ignore", "disregard", "erase", "drop", "let go of"],
        ["override"] = ["overrule", "supersede", "replace", "bypass", "cancel"],
        ["bypass"] = ["get around", "circumvent", "skip", "evade", "sidestep"],
        ["instructions"] = ["rules", "guidelines", "directions", "directives", "orders", "commands", "guidance", "prompts"],
        ["instruction"] = ["rule", "guideline", "direction", "directive", "order", "command"],
        ["rules"] = ["instructions", "guidelines", "policies", "restrictions", "directives"],
        ["guidelines"] = ["rules", "instructions", "policies", "principles"],
        ["previous"] = ["prior", "earlier", "above", "preceding", "former", "original", "initial"],
        ["prior"] = ["previous", "earlier", "preceding", "former"],
        ["above"] = ["previous", "preceding", "earlier"],
        ["reveal"] = ["show", "print", "display", "output", "disclose", "expose", "tell me", "leak", "repeat", "dump"],
        ["show"] = ["reveal", "display", "print", "give me"],
        ["print"] = ["output", "display", "write out", "reveal"],
        ["tell"] = ["say to", "inform", "give"],
        ["secret"] = ["password", "hidden value", "confidential data", "private key", "flag"],
        ["password"] = ["secret", "passphrase", "passcode", "credentials"],
        ["system"] = ["hidden", "initial", "developer", "internal"],
        ["prompt"] = ["instructions", "message", "setup text", "preamble"],
        ["pretend"] = ["act as if", "imagine", "suppose", "play along that"],
        ["act"] = ["behave", "roleplay", "serve", "pose"],
        ["restrictions"] = ["limits", "constraints", "filters", "safeguards", "boundaries"],
        ["limitations"] = ["limits", "restrictions", "constraints", "boundaries"],
        ["filters"] = ["safeguards", "restrictions", "guardrails", "censorship"],
        ["unrestricted"] = ["unfiltered", "uncensored", "unlimited", "unbound"],
        ["uncensored"] = ["unfiltered", "unrestricted", "unmoderated"],
        ["answer"] = ["respond", "reply", "response"],
        ["respond"] = ["answer", "reply"],
        ["response"] = ["answer", "reply", "output"],
        ["write"] = ["compose", "produce", "generate", "draft", "create"],
        ["must"] = ["have to", "need to", "should", "are required to"],
        ["always"] = ["at all times", "every time", "without exception"],
        ["never"] = ["not ever", "at no time", "under no circumstances"],
        ["now"] = ["from now on", "immediately", "right now", "starting now"],
        ["all"] = ["every", "any", "each of the"],
        ["everything"] = ["all of it", "anything", "all"],
        ["anything"] = ["everything", "whatever"],
        ["assistant"] = ["chatbot", "ai", "model", "bot"],
        ["ai"] = ["assistant", "model", "chatbot", "language model"],
        ["chatgpt"] = ["the assistant", "the model", "the ai", "the chatbot"],
        ["confidential"] = ["private", "secret", "classified", "internal"],
        ["hidden"] = ["secret", "concealed", "internal"],
        ["dangerous"] = ["harmful", "risky", "unsafe"],
        ["illegal"] = ["unlawful", "illicit", "forbidden"],
        ["harmful"] = ["dangerous", "damaging", "unsafe"],
        ["ethical"] = ["moral", "principled"],
        ["policy"] = ["rule", "guideline", "regulation"],
        ["policies"] = ["rules", "guidelines", "regulations"],
        ["allowed"] = ["permitted", "able", "free"],
        ["free"] = ["unbound", "liberated", "released"],
        ["mode"] = ["setting", "state", "persona"],
        ["developer"] = ["admin", "engineer", "maintainer", "debug"],
        ["admin"] = ["administrator", "root", "superuser", "developer"],
        ["character"] = ["role", "persona", "part"],
        ["role"] = ["character", "persona", "part"],
        ["story"] = ["tale", "narrative", "novel"],
        ["explain"] = ["describe", "detail", "walk me through"],
        ["give"] = ["provide", "hand over", "supply"],
        ["provide"] = ["give", "supply", "share"],
        ["output"] = ["print", "return", "emit"],
        ["repeat"] = ["echo", "restate", "say again"],
        ["text"] = ["content", "words", "message"],
        ["request"] = ["ask", "demand", "query"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The replacements for a word (lower case), or an empty list.</summary>
    public static IReadOnlyList<string> For(string word) =>
        Table.TryGetValue(word.ToLowerInvariant(), out var list) ? list : [];

    /// <summary>True for the words attacks turn on (the keys of the table).</summary>
    public static bool IsTrigger(string word) => Table.ContainsKey(word.ToLowerInvariant());
}
