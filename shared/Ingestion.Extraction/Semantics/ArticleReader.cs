using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>
/// Walks an article clause by clause. Incident mentions are collected; facts-only clauses (the
/// casualties in the sentence after the place, a denial two sentences later) are joined to the
/// incidents of the most recent incident sentence, while the story stays on them.
/// </summary>
internal sealed class ArticleReader(Dictionaries dict)
{
    private const int FactReachSentences = 2;
    private readonly ClauseReader _clauses = new(dict);

    public List<Mention> Read(ArticleScan scan, DateOnly published)
    {
        var mentions = new List<Mention>();
        var recent = new List<Mention>();
        var clauseMentions = new List<Mention>(4);
        int recentSentence = -1, storySentence = -100;
        PlaceInfo? lastSite = null;
        foreach (var clause in scan.Clauses)
        {
            clauseMentions.Clear();
            _clauses.Read(scan, clause, published, lastSite, clauseMentions);
            foreach (var m in clauseMentions)
            {
                if (!m.IsFactOnly)
                {
                    mentions.Add(m);
                    if (m.Place!.Rank == 0) lastSite = m.Place;
                    if (clause.Sentence != recentSentence) { recent.Clear(); recentSentence = clause.Sentence; }
                    recent.Add(m);
                    storySentence = clause.Sentence;
                }
                else if (recent.Count > 0 && clause.Sentence - storySentence <= FactReachSentences && Attach(m, recent, clause.Sentence == recentSentence))
                    storySentence = clause.Sentence;
            }
        }
        return mentions;
    }

    /// <summary>Joins facts to the latest incident of a compatible kind; false when none fits.</summary>
    private static bool Attach(Mention facts, List<Mention> recent, bool sameSentence)
    {
        Mention? target = null;
        for (int i = recent.Count - 1; i >= 0 && target is null; i--)
            if (KindReader.Compatible(recent[i].Kind, facts.Kind)) target = recent[i];
        if (target is null) return false;
        if (sameSentence) target.Target ??= facts.Target;
        if (target.Killed is null or 0 && facts.Killed is not null) { target.Killed = facts.Killed; target.KilledMin = facts.KilledMin; }
        if (target.Wounded is null or 0 && facts.Wounded is not null) { target.Wounded = facts.Wounded; target.WoundedMin = facts.WoundedMin; }
        target.ReportsHarm |= facts.ReportsHarm;
        target.Intercepted |= facts.Intercepted;
        target.Hedges += facts.Hedges;
        target.Date ??= facts.Date;
        if (facts.ClaimedBy is not null) { target.ClaimedBy ??= facts.ClaimedBy; target.Attacker ??= facts.ClaimedBy; }
        if (facts.Denials is not null) foreach (var d in facts.Denials) target.AddDenial(d);
        if (KindReader.Strength(facts.Kind, facts.KindIsWeak) > KindReader.Strength(target.Kind, target.KindIsWeak)
            && target.Kind != IncidentKinds.Airstrike && facts.Kind != IncidentKinds.Airstrike)
            (target.Kind, target.KindIsWeak) = (facts.Kind, facts.KindIsWeak);
        target.Spans.AddRange(facts.Spans);
        return true;
    }
}
