using System.Globalization;
using Microsoft.Extensions.Options;

namespace Soc.Core.Chat;

/// <summary>
/// The built-in responder used when no Azure OpenAI deployment is configured: deterministic, honest that it is a
/// local stand-in, and helpful for the simple questions a demo asks. It never reads its system prompt back, so the
/// only way it can leak is the opt-in <see cref="ChatOptions.LocalEcho"/> behaviour.
/// </summary>
public sealed class LocalChatResponder(IOptions<ChatOptions> options) : IChatResponder
{
    public const string EchoPrefix = "echo:";

    public string Name => "local";

    public Task<string> RespondAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        var message = prompt.Message.Trim();
        if (options.Value.LocalEcho && message.StartsWith(EchoPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(message[EchoPrefix.Length..].Trim());
        }

        return Task.FromResult(Answer(message.ToLowerInvariant(), prompt.History.Count));
    }

    private static string Answer(string m, int earlierTurns)
    {
        if (m.Length == 0)
        {
            return "Ask me something and I'll do my best.";
        }

        if (StartsWithAny(m, "hi", "hello", "hey", "good morning", "good evening"))
        {
            return "Hello! I'm the SOC Guard demo assistant, running as the built-in local responder (no language model is configured). How can I help?";
        }

        if (ContainsAny(m, "who are you", "what are you", "are you a bot", "are you an ai", "which model"))
        {
            return "I'm the built-in local responder of SOC Guard: a small deterministic stand-in used when no Azure OpenAI deployment is configured. Every message I get is screened first, and every answer I give is scanned for leaks.";
        }

        if (ContainsAny(m, "what is soc guard", "what does soc guard", "how do you protect", "how does this work", "prompt injection"))
        {
            return "SOC Guard screens each chatbot message for prompt injection (instruction overrides, secret extraction, encoded and split attacks), blocks the dangerous ones, scans answers for leaked secrets and learns from attacks it missed.";
        }

        if (ContainsAny(m, "help", "what can you do", "what can i ask"))
        {
            return "I can answer simple questions about SOC Guard, do small arithmetic (for example 'what is 12 * 7'), or just chat. With Azure OpenAI configured you'd get a full model instead of me.";
        }

        if (TryArithmetic(m, out var result))
        {
            return "That's " + result + ".";
        }

        if (ContainsAny(m, "thank", "thanks"))
        {
            return "You're welcome!";
        }

        if (ContainsAny(m, "bye", "goodbye", "see you"))
        {
            return "Goodbye! This conversation had " + (earlierTurns + 1).ToString(CultureInfo.InvariantCulture) + " message(s).";
        }

        return "I'm the built-in local responder, so I only know a few things: ask me about SOC Guard, simple arithmetic, or say 'help'. Configure Chat__OpenAiEndpoint for real answers.";
    }

    private static bool StartsWithAny(string m, params string[] words) =>
        words.Any(w => m == w || m.StartsWith(w + " ", StringComparison.Ordinal) || m.StartsWith(w + "!", StringComparison.Ordinal) || m.StartsWith(w + ",", StringComparison.Ordinal));

    private static bool ContainsAny(string m, params string[] words) => words.Any(w => m.Contains(w, StringComparison.Ordinal));

    /// <summary>"what is 12 * 7", "3+4": two integers and one operator, nothing else.</summary>
    private static bool TryArithmetic(string m, out string result)
    {
        result = string.Empty;
        var text = m.Replace("what is", string.Empty, StringComparison.Ordinal).Replace("what's", string.Empty, StringComparison.Ordinal)
            .Replace("?", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("x", "*", StringComparison.Ordinal).Replace("times", "*", StringComparison.Ordinal)
            .Replace("plus", "+", StringComparison.Ordinal).Replace("minus", "-", StringComparison.Ordinal);
        var op = text.IndexOfAny(['+', '-', '*', '/'], 1);
        if (op <= 0
            || !long.TryParse(text.AsSpan(0, op), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
            || !long.TryParse(text.AsSpan(op + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            || Math.Abs(a) > 1_000_000_000 || b > 1_000_000_000)
        {
            return false;
        }

        switch (text[op])
        {
            case '+': result = (a + b).ToString(CultureInfo.InvariantCulture); return true;
            case '-': result = (a - b).ToString(CultureInfo.InvariantCulture); return true;
            case '*': result = (a * b).ToString(CultureInfo.InvariantCulture); return true;
            default:
                if (b == 0)
                {
                    result = "undefined (division by zero)";
                    return true;
                }

                result = (a / (double)b).ToString("0.####", CultureInfo.InvariantCulture);
                return true;
        }
    }
}
