using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>A date read from the text, with how exact it is and how far it may be off.</summary>
internal readonly record struct DateReading(DateOnly Date, string Precision, int ToleranceDays)
{
    public int Rank => Precision switch { DatePrecisions.Day => 0, DatePrecisions.Month => 2, _ => 1 };
}

/// <summary>One telling of an incident (or, with <see cref="IsFactOnly"/>, facts for the incident told just before).</summary>
internal sealed class Mention
{
    public string Kind = IncidentKinds.Other;
    public bool KindIsWeak;          // the text hedges the weapon («قصف أو هجوم بطائرات مسيرة»)
    public bool IsSummary;           // plural attacks over a whole country: a summary, not an incident
    public bool IsFactOnly;
    public PlaceInfo? Place;
    public DateReading? Date;
    public bool Background;          // told as the cause or precedent of something else
    public string? Attacker, Target, ClaimedBy;
    public List<string>? Denials;
    public int? Killed, KilledMin, Wounded, WoundedMin;
    public bool Intercepted, ReportsHarm;
    public int Hedges;
    public int Sentence, FirstToken, LastToken;
    public List<(int First, int Last)> Spans = [];

    public void AddDenial(string actor)
    {
        Denials ??= [];
        if (!Denials.Contains(actor)) Denials.Add(actor);
    }
}
