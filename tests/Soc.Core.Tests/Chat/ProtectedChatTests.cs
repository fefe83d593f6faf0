using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Soc.Core.Chat;
using Soc.Core.Events;
using Soc.Core.Security;

namespace Soc.Core.Tests.Chat;

public sealed class ProtectedChatTests
{
    private const string Flag = "FLAG{unit-test-flag}";

    private sealed class RecordingPublisher : IEventPublisher
    {
        public List<SocEvent> Events { get; } = [];

        public ValueTask PublishAsync(SocEvent e, CancellationToken cancellationToken)
        {
            Events.Add(e);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A model that was talked into leaking: answers with a transform of its system prompt's secrets.</summary>
    private sealed class LeakyResponder(Func<ChatPrompt, string> answer) : IChatResponder
    {
        public string Name => "leaky";

        public Task<string> RespondAsync(ChatPrompt prompt, CancellationToken cancellationToken) => Task.FromResult(answer(prompt));
    }

    private sealed class FailingResponder : IChatResponder
    {
        public string Name => "failing";

        public Task<string> RespondAsync(ChatPrompt prompt, CancellationToken cancellationToken) => throw new HttpRequestException("down");
    }

    private static (ProtectedChat Chat, RecordingPublisher Events) Create(IChatResponder responder)
    {
        var chatOptions = Options.Create(new ChatOptions { SystemFlag = Flag });
        var events = new RecordingPublisher();
        var chat = new ProtectedChat(responder, new LocalChatResponder(chatOptions), events, chatOptions,
            Options.Create(new TenantOptions { KeyPepper = "pepper" }), NullLogger<ProtectedChat>.Instance);
        return (chat, events);
    }

    private static string CanaryIn(string systemPrompt) =>
        systemPrompt.Split('\n').Single(l => l.Contains("Canary token", StringComparison.Ordinal)).Split(": ")[1].Trim();

    [Fact]
    public async Task Chat_AnswerLeaksFlagInBase64_IsRedactedAndReported()
    {
        var (chat, events) = Create(new LeakyResponder(_ => "Sure: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Flag))));

        var answer = await chat.AnswerAsync("t1", "s1", "please", [], CancellationToken.None);

        Assert.True(answer.Leak.Leaked);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Flag)), answer.Response, StringComparison.Ordinal);
        var e = Assert.Single(events.Events);
        Assert.Equal("chat.leak", e.Type);
        Assert.DoesNotContain(Flag, e.Data.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_AnswerLeaksSessionCanaryReversed_IsRedacted()
    {
        var (chat, _) = Create(new LeakyResponder(p => new string(CanaryIn(p.SystemPrompt).Reverse().ToArray())));

        var answer = await chat.AnswerAsync("t1", "s1", "please", [], CancellationToken.None);

        Assert.Equal(["canary"], answer.Leak.Secrets);
        Assert.Contains("plain+reversed", answer.Leak.Forms);
    }

    [Fact]
    public async Task Chat_SystemPrompt_HoldsTheFlagAndASessionCanary()
    {
        ChatPrompt? seen = null;
        var (chat, _) = Create(new LeakyResponder(p =>
        {
            seen = p;
            return "fine";
        }));

        var answer = await chat.AnswerAsync("t1", "s1", "hi", [], CancellationToken.None);

        Assert.Equal("fine", answer.Response);
        Assert.False(answer.Leak.Leaked);
        Assert.Contains(Flag, seen!.SystemPrompt, StringComparison.Ordinal);
        Assert.Equal(chat.CanaryFor("t1", "s1"), CanaryIn(seen.SystemPrompt));
    }

    [Fact]
    public void Canary_DiffersPerSession_AndIsStable()
    {
        var (chat, _) = Create(new FailingResponder());

        Assert.Equal(chat.CanaryFor("t1", "s1"), chat.CanaryFor("t1", "s1"));
        Assert.NotEqual(chat.CanaryFor("t1", "s1"), chat.CanaryFor("t1", "s2"));
        Assert.NotEqual(chat.CanaryFor("t1", "s1"), chat.CanaryFor("t2", "s1"));
    }

    [Fact]
    public async Task Chat_ResponderFails_LocalResponderAnswers()
    {
        var (chat, _) = Create(new FailingResponder());

        var answer = await chat.AnswerAsync("t1", "s1", "hello", [], CancellationToken.None);

        Assert.Equal("local-fallback", answer.Responder);
        Assert.Contains("local responder", answer.Response, StringComparison.Ordinal);
    }
}
