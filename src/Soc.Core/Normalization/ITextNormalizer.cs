namespace Soc.Core.Normalization;

/// <summary>Turns a message into the text views the detectors scan.</summary>
public interface ITextNormalizer
{
    NormalizedText Normalize(string message);
}
