using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Semantics;

namespace Ingestion.Extraction.Benchmarks;

/// <summary>`trace FILE DATE`: prints each clause with the phrases found in it and the mentions read from it (analyst debugging aid).</summary>
internal static class TraceWriter
{
    public static void Write(string file, DateOnly published)
    {
        var dict = Dictionaries.Load(Path.Combine(AppContext.BaseDirectory, "Data"));
        var scan = new ArticleScan();
        scan.Read(dict, File.ReadAllText(file));
        var reader = new ClauseReader(dict);
        var mentions = new List<Mention>();
        foreach (var clause in scan.Clauses)
        {
            var (s, e) = scan.OriginalSpan(clause.First, clause.Last);
            Console.WriteLine($"--- s{clause.Sentence}{(clause.Background ? " bg" : "")}: {scan.Original[s..e]}");
            var v = new ClauseView(scan, clause);
            var words = new List<string>();
            for (int i = v.MatchFrom; i < v.MatchTo; i++)
            {
                var m = v[i];
                var (ms, me) = scan.OriginalSpan(m.First, m.Last);
                string value = m.Term == Term.Place ? dict.Places[m.Value].Public.Id : m.Term == Term.Actor ? dict.Actors[m.Value].Id : m.Value.ToString();
                words.Add($"{m.Term}:{scan.Original[ms..me]}={value}{(m.Dual ? "(dual)" : "")}");
            }
            Console.WriteLine("    " + string.Join(" | ", words));
            mentions.Clear();
            reader.Read(scan, clause, published, null, mentions);
            foreach (var m in mentions)
                Console.WriteLine($"    => {(m.IsFactOnly ? "FACTS" : "MENTION")} {m.Kind}{(m.KindIsWeak ? "?" : "")} {m.Place?.Public.Id} {m.Date?.Date} att={m.Attacker} tgt={m.Target} k={m.Killed} w={m.Wounded} int={m.Intercepted} harm={m.ReportsHarm} claim={m.ClaimedBy} deny={string.Join(",", m.Denials ?? [])} sum={m.IsSummary}");
        }
    }
}
