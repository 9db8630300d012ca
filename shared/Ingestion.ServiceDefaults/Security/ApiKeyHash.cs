using System.Security.Cryptography;
using System.Text;

namespace Ingestion.ServiceDefaults.Security;

/// <summary>
/// API keys are kept and compared only as SHA-256 digests, so neither a database nor a configuration file
/// holds a key that works. Shared by the Alerting API (admin and subscriber keys) and the Store's read API.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>Longer presented keys are refused unhashed: a bound on the work an unauthenticated caller causes.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Hex digits of a SHA-256 digest, as <c>sha256sum</c> prints it.</summary>
    public const int HexLength = 64;

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// Whether <paramref name="hash"/> is one of <paramref name="accepted"/>. Every entry is compared, each in
    /// constant time, so the answer's timing says nothing about which bytes, or which entry, matched.
    /// </summary>
    public static bool IsOneOf(byte[] hash, IReadOnlyList<byte[]> accepted)
    {
        var found = false;
        foreach (var candidate in accepted) found |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        return found;
    }

    /// <summary>Reads a digest written as 64 hex digits (either case, surrounding blanks ignored).</summary>
    public static bool TryParseHex(string? text, out byte[] hash)
    {
        hash = [];
        var hex = text?.Trim();
        if (hex is not { Length: HexLength } || !hex.All(char.IsAsciiHexDigit)) return false;
        hash = Convert.FromHexString(hex);
        return true;
    }
}
