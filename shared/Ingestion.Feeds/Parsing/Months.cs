namespace Ingestion.Feeds;

/// <summary>Month names in English (full and abbreviated) and in the two Arabic naming systems.</summary>
internal static class Months
{
    private static readonly Dictionary<string, int> Names = Build();

    public static int? Find(string name) =>
        Names.TryGetValue(name.Trim().TrimEnd('.'), out var m) ? m : null;

    private static Dictionary<string, int> Build()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[] english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        // Egyptian/Gulf transliterated names, then the Levantine/Iraqi Syriac-derived names.
        string[][] arabic =
        [
            ["يناير", "كانون الثاني"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "ابريل", "نيسان"],
            ["مايو", "أيار"], ["يونيو", "يونيه", "حزيران"], ["يوليو", "يوليه", "تموز"], ["أغسطس", "اغسطس", "آب"],
            ["سبتمبر", "أيلول"], ["أكتوبر", "اكتوبر", "تشرين الأول"], ["نوفمبر", "تشرين الثاني"], ["ديسمبر", "كانون الأول"],
        ];
        for (var i = 0; i < 12; i++)
        {
            d[english[i]] = i + 1;
            d[english[i][..3]] = i + 1;
            foreach (var a in arabic[i]) d[a] = i + 1;
        }
        d["sept"] = 9;
        return d;
    }
}
