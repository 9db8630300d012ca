using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Alerting;

/// <summary>
/// Standard Webhooks signing: webhook-signature = "v1," + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")),
/// where the key is the base64 part of a "whsec_" secret.
/// </summary>
public static class WebhookSignature
{
    private const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static bool IsValidSecret(string secret) => TryKey(secret, out var key) && key.Length is >= 24 and <= 64;

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        if (!TryKey(secret, out var key)) throw new ArgumentException("Not a whsec_ secret", nameof(secret));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>Checks a header that may carry several space-separated signatures (during secret rotation).</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string signatureHeader)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }

    private static bool TryKey(string secret, out byte[] key)
    {
        key = [];
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var buffer = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var written)) return false;
        key = buffer[..written];
        return true;
    }
}
