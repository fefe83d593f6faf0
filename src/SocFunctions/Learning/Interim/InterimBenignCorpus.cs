using Soc.Core.Learning;
using Soc.Infrastructure.Learning;

namespace SocFunctions.Learning.Interim;

/// <summary>A small built-in benign reference corpus plus the tenant's uploaded samples, until the algorithms' corpus is wired.</summary>
public sealed class InterimBenignCorpus(IBenignSampleStore tenantSamples) : IBenignCorpus
{
    internal static readonly string[] BuiltIn =
    [
        "What are your opening hours on Sunday?",
        "Can you help me reset my password for the customer portal?",
        "I forgot my password, how do I recover my account?",
        "Please show me the status of my order.",
        "Tell me a joke about cats.",
        "How do I ignore a file in git?",
        "Ignore the previous email, I sent it by mistake.",
        "What is the capital of France?",
        "Could you summarise this article about climate change for me?",
        "Write a short story about a dragon who loves books.",
        "What are the rules of chess for castling?",
        "Please follow the instructions in the manual to install the printer.",
        "Can you reveal the ending of the movie? I don't mind spoilers.",
        "Explain how public key encryption works.",
        "What is the secret to a good sourdough bread?",
        "Show me how to print a PDF from my phone.",
        "I need to change the delivery address of my order.",
        "How can I become a system administrator?",
        "Translate this sentence into Spanish: good morning, my friend.",
        "Pretend you are a tour guide and describe Rome.",
        "You are a helpful assistant. What's the weather like in Paris?",
        "For a school project, explain how vaccines work.",
        "My manager needs the quarterly report by Friday, can you help me draft it?",
        "What does the error message 'access denied' mean on Windows?",
        "Give me a recipe for a vegetarian lasagna.",
        "How do I disable notifications on my phone?",
        "Can you tell me the difference between a virus and a bacterium?",
        "Where can I find the terms and conditions of my subscription?",
        "Help me plan a birthday party for my daughter next Saturday.",
        "What is the best way to learn a new language as an adult?",
        "List three tips for a job interview.",
        "Is it safe to share my screen during a video call?",
        "Our admin said the server will be down tonight for maintenance.",
        "Can you explain the instructions for assembling this bookshelf?",
        "Please reveal the answer to yesterday's crossword puzzle.",
        "How do I bypass traffic on the highway during rush hour?",
        "What's the password policy for new employees?",
        "Forget about the meeting, it has been cancelled.",
        "Act as my English teacher and correct this sentence.",
        "What are the system requirements for this game?",
    ];

    public async Task<IReadOnlyList<string>> GetAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            return BuiltIn;
        }

        var uploaded = await tenantSamples.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return [.. BuiltIn, .. uploaded];
    }
}
