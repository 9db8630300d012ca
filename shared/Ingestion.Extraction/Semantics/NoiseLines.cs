using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Scraped pages keep boilerplate: photo captions with an old date and a wire credit («4 يناير 2022 - REUTERS»),
/// comment prompts, category lists, file names. Such lines must not yield incidents.
/// </summary>
internal sealed class NoiseLines
{
    private const int MaxBoilerplateLength = 120;
    private readonly List<bool> _noise = new(128);
    private readonly HashSet<int> _seenLineHashes = new();

    public bool IsNoiseLine(int line) => line < _noise.Count && _noise[line];

    public void Mark(Dictionaries dict, ReadOnlySpan<char> text, List<Token> tokens)
    {
        _noise.Clear();
        _seenLineHashes.Clear();
        int lineStart = 0, line = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            _noise.Add(IsNoise(dict, text[lineStart..i].Trim()));
            lineStart = i + 1;
            line++;
        }
    }

    private bool IsNoise(Dictionaries dict, ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return false;
        // A caption repeated under a photo appears twice; the second copy adds nothing and the first is a caption anyway.
        if (!_seenLineHashes.Add(string.GetHashCode(line))) return true;
        if (line.Length <= MaxBoilerplateLength)
            foreach (var marker in dict.NoiseLineMarkers)
                if (line.Contains(marker, StringComparison.Ordinal)) return true;
        return EndsWithWireCredit(line);
    }

    /// <summary>«... 31 مايو 2019 - AFP»: a dash followed only by Latin letters closes a photo caption.</summary>
    private static bool EndsWithWireCredit(ReadOnlySpan<char> line)
    {
        int dash = line.LastIndexOf('-');
        if (dash < 0 || dash == line.Length - 1) return false;
        var credit = line[(dash + 1)..].Trim();
        if (credit.Length < 2) return false;
        foreach (char c in credit)
            if (!(char.IsAsciiLetter(c) || c is ' ' or '.' or '/')) return false;
        return true;
    }
}
