using System.Collections.Frozen;
using Soc.Core.Normalization;

namespace Soc.Core.Learning.Gate;

/// <summary>
/// Words prompt attacks lean on (the project's own list): a reported text must read like an attack, by at least
/// <see cref="LearningOptions.MinAttackCueScore"/> points of these, before anything learned from it goes live
/// without a reviewer. Strong cues count 1, weak ones 0.5, each word once. The gate's last guard against a
/// benign text reported as a miss.
/// </summary>
public static class AttackCues
{
    private static readonly FrozenDictionary<string, double> Weights = Build();

    /// <summary>The cue score of a text: the sum over the distinct cue words in any of its views.</summary>
    public static double Score(NormalizedText text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var score = 0.0;
        foreach (var view in text.Views)
        {
            foreach (var token in view.Tokens)
            {
                if (Weights.TryGetValue(token.Value, out var w) && seen.Add(token.Value))
                {
                    score += w;
                }
            }
        }

        return score;
    }

    private static FrozenDictionary<string, double> Build()
    {
        const string strong =
            "ignore ignoring disregard jailbreak jailbroken jailbreaking dan unfiltered uncensored unrestricted unethical immoral amoral " +
            "pretend roleplay persona simulate simulation openai chatgpt gpt llm override bypass restrictions restriction censorship " +
            "censored prompt prompts instructions guidelines policies hypothetical hypothetically fictional obey comply refuse refuses " +
            "refusal illegal filters constraints confines disclaimer disclaimers warnings morality ethics legality unbound unleashed " +
            "vergiss ignoriere anweisungen ignorez oubliez consignes ignora olvida instrucciones instruções istruzioni ignorare " +
            "игнорируй инструкции personality nsfw malware keylogger ransomware spyware botnet exploit hacking phishing explosive " +
            "explosives bomb weapon weapons poison meth cocaine counterfeit launder laundering fraud scam suicide murder terrorist " +
            "terrorism racist defamatory harass harassment stalk steal stolen smuggle trafficking";
        const string weak =
            "rules never always must answer respond responses response character secret password system mode model ai anything " +
            "limits limitations developer admin evil harmful dangerous offensive explicit reveal confidential hidden moral ethical " +
            "ethically free freed unlimited act assistant forget previous stay user antivirus hack kill drugs regeln règles reglas regras regole";
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in weak.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            weights[w] = 0.5;
        }

        foreach (var w in strong.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            weights[w] = 1.0;
        }

        return weights.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
