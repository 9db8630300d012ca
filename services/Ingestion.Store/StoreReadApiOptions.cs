using Ingestion.ServiceDefaults.Security;

namespace Ingestion.Store;

/// <summary>Section "Store": who may use the read API and the operator pages.</summary>
public sealed class StoreReadApiOptions
{
    public const string Section = "Store";

    /// <summary>
    /// SHA-256 of each accepted key, as 64 hex digits (<c>printf %s "$KEY" | sha256sum</c>): only digests sit in
    /// configuration, never a key that works. Empty (the default; blank entries are ignored, so an unset compose
    /// variable counts as none): the read API is public. Health probes are never keyed.
    /// </summary>
    public List<string> ReadApiKeys { get; set; } = [];

    /// <summary>
    /// The digests to accept; none means a public read API. An entry that is no digest stops the start rather than
    /// leaving the API open or shut by mistake; the message names its position, not its value, which may be a key
    /// pasted in clear.
    /// </summary>
    public IReadOnlyList<byte[]> AcceptedHashes()
    {
        var hashes = new List<byte[]>();
        for (var i = 0; i < ReadApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ReadApiKeys[i])) continue;
            if (!ApiKeyHash.TryParseHex(ReadApiKeys[i], out var hash))
                throw new InvalidOperationException($"{Section}:ReadApiKeys:{i} is not a SHA-256 digest: give the {ApiKeyHash.HexLength} hex digits "
                    + "that `printf %s \"$KEY\" | sha256sum` prints, not the key itself");
            hashes.Add(hash);
        }
        return hashes;
    }
}
