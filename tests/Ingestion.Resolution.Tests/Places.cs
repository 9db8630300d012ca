using Ingestion.Resolution;

namespace Ingestion.Resolution.Tests;

/// <summary>Real places of the theatre, with coordinates as in the seed gold file.</summary>
internal static class Places
{
    public static readonly MentionPlace AinAlAsad = new("ain_al_asad", "قاعدة عين الأسد", "IQ", 33.786, 42.441, "site");
    public static readonly MentionPlace Anbar = new("anbar", "الأنبار", "IQ", 33.4, 43.0, "province");
    public static readonly MentionPlace JurfAlSakhar = new("jurf_al_sakhar", "جرف الصخر", "IQ", 32.89, 44.12, "city");
    public static readonly MentionPlace UsEmbassyBaghdad = new("us_embassy_baghdad", "السفارة الأمريكية في بغداد", "IQ", 33.299, 44.396, "site");
    public static readonly MentionPlace BaghdadAirport = new("baghdad_airport", "مطار بغداد الدولي", "IQ", 33.262, 44.234, "site");
    public static readonly MentionPlace Baghdad = new(null, "بغداد", "IQ", 33.315, 44.366, "city");
    public static readonly MentionPlace Erbil = new(null, "أربيل", "IQ", 36.24, 43.96, "city");
    public static readonly MentionPlace Iraq = new(null, "العراق", "IQ", 33.0, 44.0, "country");
    public static readonly MentionPlace Syria = new(null, "سوريا", "SY", 35.0, 38.5, "country");
    public static readonly MentionPlace Rumeilan = new(null, "رميلان", "SY", 36.97, 41.92, "city");
}
