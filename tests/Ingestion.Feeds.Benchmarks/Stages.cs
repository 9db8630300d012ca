using System.Diagnostics;

namespace Ingestion.Feeds.Benchmarks;

/// <summary>Where the parser's time goes, stage by stage (run with --stages).</summary>
internal static class Stages
{
    public static void Report(byte[][] blobs)
    {
        var decoded = blobs.Select(b => FeedDecoder.Decode(b, null)).ToArray();
        var repaired = decoded.Select(d => XmlRepair.Repair(d.Text)).ToArray();
        var trees = repaired.Select(r => XmlTreeBuilder.Build(r.Text)).ToArray();
        Console.WriteLine($"  documents whose XML reader threw: {trees.Count(t => t.Error is not null)} of {trees.Length}");
        var clean = repaired.Where((r, i) => trees[i].Error is null).Select(r => r.Text).ToArray();
        Time("tree-ok", () => { foreach (var t in clean) XmlTreeBuilder.Build(t); });
        Time("decode", () => { foreach (var b in blobs) FeedDecoder.Decode(b, null); });
        Time("repair", () => { foreach (var d in decoded) XmlRepair.Repair(d.Text); });
        Time("tree", () => { foreach (var r in repaired) XmlTreeBuilder.Build(r.Text); });
        Time("map", () => { foreach (var t in trees) if (t.Root is not null) FeedMapper.Map(t.Root, null, "utf-8", false, null); });
        var roots = trees.Where(t => t.Root is not null).Select(t => t.Root!).ToArray();
        var items = roots.SelectMany(r => r.Descendants().Where(e => e.Name.LocalName is "item" or "entry")).ToArray();
        var dates = items.SelectMany(i => i.Elements().Where(e => e.Name.LocalName is "pubDate" or "date" or "updated" or "published" or "modified" or "issued")).Select(e => e.Value).ToArray();
        var titles = roots.SelectMany(r => r.Descendants().Where(e => e.Name.LocalName is "title" or "description" or "summary" or "content")).ToArray();
        Console.WriteLine($"  {items.Length} items, {dates.Length} dates, {titles.Length} text elements");
        Time("items", () => { foreach (var i in items) ItemMapper.Map(i, null, i.Name.LocalName == "entry"); });
        Time("dates", () => { foreach (var d in dates) FeedDates.Parse(d); });
        Time("texts", () => { foreach (var t in titles) TextConstructs.Value(t, null); });
        Time("reader", () => { foreach (var r in clean) { using var x = System.Xml.XmlReader.Create(new StringReader(r)); while (x.Read()) { } } });
        Time("whole", () => { foreach (var b in blobs) FeedParser.Parse(b); });
    }

    private static void Time(string name, Action action)
    {
        WarmUp.Run(action);
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"  {name,-8} {best,7:0.0} ms {allocated / 1024.0,9:0} KB allocated");
    }
}
