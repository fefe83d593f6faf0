namespace Soc.Core.Learning.Variations;

/// <summary>
/// One family of rule-based rewrites (obfuscation, synonyms, encodings, multi-step, role-play). Each call may give a
/// different rewrite: the randomness comes from <paramref name="random"/>, which is seeded from the report id.
/// </summary>
public interface IVariationTechnique
{
    /// <summary>The technique's name, the prefix of <see cref="Variation.Technique"/>.</summary>
    string Name { get; }

    /// <summary>
    /// One rewrite of <paramref name="text"/>, or null when this technique has nothing to change in it.
    /// <paramref name="round"/> counts the calls for the same report (0, 1, 2, ...), so a technique can cycle through its kinds.
    /// </summary>
    Variation? Next(string text, Random random, int round);
}
