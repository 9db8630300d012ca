namespace Ingestion.Extraction.Lexicon;

/// <summary>
/// The word classes the extractor reasons with. Each is a key of lexicon.json's "terms" object
/// (camelCase), so analysts extend a class by adding phrases, never by changing code.
/// </summary>
internal enum Term : byte
{
    Place, Actor,
    // what happened
    Attack, AttackPlural, AttackVerb, Perpetrate, Attribution, Relative, Launch, TargetPrep, Intercept, Undergo,
    Rocket, Missile, MissileQualifier, Drone, Airstrike, Explosion,
    // who was hurt
    Killed, KilledNoun, Wounded, WoundedNoun, Casualty, Harm, PersonNoun, Others,
    // how sure, and whether it happened at all
    Negation, Hedge, Claim, Responsibility, Denial, Falsity, Irrealis, Cessation, Disjunction,
    // what is background rather than an incident
    Since, Aggregate, Period, Speaker, SpeechVerb, Accusation,
    // sentence structure
    ClauseBreak, BackgroundBreak, Locator, Distance, Direction, Demonstrative, BaseNoun, AreaNoun, From,
    // numbers
    Number, AtLeast, AtLeastAfter, MoreThan, About, Dozens,
    // time
    RelativeDay, Weekday, Month, MonthPart, OrdinalDay,
}

/// <summary>What a phrase means: its class and a class-specific value (a number, a place index, an offset in days...).</summary>
internal readonly record struct Payload(Term Term, int Value);
