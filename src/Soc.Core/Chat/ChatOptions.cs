using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Chat;

/// <summary>App settings section <c>Chat</c>: the protected chatbot of <c>POST /api/chat</c>.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>The secret placed in the bot's system prompt (the seed's SYSTEM_FLAG; that setting name is accepted too).</summary>
    public string SystemFlag { get; set; } = string.Empty;

    /// <summary>Azure OpenAI endpoint (<c>https://name.openai.azure.com/</c>). Empty: the built-in local responder answers.</summary>
    public string? OpenAiEndpoint { get; set; }

    /// <summary>Azure OpenAI key; empty with an endpoint set means managed identity.</summary>
    public string? OpenAiKey { get; set; }

    /// <summary>The chat model deployment name.</summary>
    public string? OpenAiDeployment { get; set; }

    /// <summary>Upper bound of answer tokens asked from the model.</summary>
    [Range(16, 8_192)]
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>
    /// Lets the local responder repeat text after <c>echo:</c> verbatim. Off by default; tests and demos turn it on
    /// to play a model that was talked into repeating something, so the leak scan is exercised end to end.
    /// </summary>
    public bool LocalEcho { get; set; }

    /// <summary>What a redacted answer says instead.</summary>
    public string RedactedAnswer { get; set; } = "I can't share that: the answer contained protected information and was withheld.";

    /// <summary>What a blocked message gets as an answer.</summary>
    public string BlockedAnswer { get; set; } = "This message was blocked by SOC Guard.";
}

/// <summary>One chat turn for a responder: the system prompt, earlier turns (user text only) and the message.</summary>
public sealed record ChatPrompt(string SystemPrompt, IReadOnlyList<string> History, string Message);

/// <summary>Produces the bot's answer (Azure OpenAI or the built-in local responder).</summary>
public interface IChatResponder
{
    /// <summary>A short name for responses and logs: <c>azure-openai</c>, <c>local</c>.</summary>
    string Name { get; }

    Task<string> RespondAsync(ChatPrompt prompt, CancellationToken cancellationToken);
}
