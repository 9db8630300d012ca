namespace Ingestion.Feeds;

internal static class Windows1252
{
    private static readonly System.Text.Encoding Encoding = Load();

    private static System.Text.Encoding Load()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    /// <summary>Code points 128..159 read as windows-1252 (what a site means by &amp;#146;); unmapped ones stay as they are.</summary>
    public static int Map(int code)
    {
        var bytes = new[] { (byte)code };
        var mapped = Encoding.GetString(bytes);
        return mapped.Length == 1 && mapped[0] != '?' ? mapped[0] : code;
    }
}
