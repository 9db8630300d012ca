using System.Text.Unicode;

namespace Ingestion.Feeds;

internal static class Utf8Text
{
    public static bool IsValid(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>
    /// Heuristic for windows-1256 bytes: Arabic letters sit in 0xC1..0xFE there, and in real text most
    /// high bytes are letters. Invalid UTF-8 that is mostly such bytes is far more likely 1256 than noise.
    /// </summary>
    public static bool LooksLikeWindows1256(ReadOnlySpan<byte> bytes)
    {
        int high = 0, letters = 0;
        foreach (var b in bytes)
        {
            if (b < 0x80) continue;
            high++;
            if (b >= 0xC1 && b <= 0xFE) letters++;
        }
        return high >= 4 && letters * 10 >= high * 8;
    }
}
