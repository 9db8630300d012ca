namespace Ingestion.Feeds;

internal static class CappedBody
{
    /// <summary>
    /// Reads the (already decompressed) body, stopping as soon as it passes <paramref name="maxBytes"/>:
    /// a gzip bomb or an endless body costs at most the cap in memory. Returns null when the cap is passed.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes) return null;
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var initial = (int)Math.Min(maxBytes + 1, content.Headers.ContentLength ?? 64 * 1024);
        using var buffer = new MemoryStream(Math.Max(initial, 1024));
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (read == 0) break;
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
