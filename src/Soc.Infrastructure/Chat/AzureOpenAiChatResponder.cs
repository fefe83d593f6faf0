using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Soc.Core.Chat;

namespace Soc.Infrastructure.Chat;

/// <summary>The protected chatbot's answers from an Azure OpenAI chat deployment (key or managed identity).</summary>
public sealed class AzureOpenAiChatResponder : IChatResponder
{
    private readonly ChatClient _client;
    private readonly int _maxTokens;

    public AzureOpenAiChatResponder(IOptions<ChatOptions> options)
    {
        var o = options.Value;
        var endpoint = new Uri(o.OpenAiEndpoint ?? throw new InvalidOperationException("Chat__OpenAiEndpoint is not set."));
        var azure = string.IsNullOrWhiteSpace(o.OpenAiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential())
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(o.OpenAiKey));
        _client = azure.GetChatClient(o.OpenAiDeployment ?? throw new InvalidOperationException("Chat__OpenAiDeployment is not set."));
        _maxTokens = o.MaxOutputTokens;
    }

    public string Name => "azure-openai";

    public async Task<string> RespondAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>(prompt.History.Count + 2) { new SystemChatMessage(prompt.SystemPrompt) };
        messages.AddRange(prompt.History.Select(h => (ChatMessage)new UserChatMessage(h)));
        messages.Add(new UserChatMessage(prompt.Message));
        var completion = await _client.CompleteChatAsync(messages, new ChatCompletionOptions { MaxOutputTokenCount = _maxTokens }, cancellationToken).ConfigureAwait(false);
        return string.Concat(completion.Value.Content.Select(p => p.Text));
    }
}
