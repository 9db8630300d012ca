using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Tests;

public class CliticTests
{
    private static readonly Dictionaries Dict = Dictionaries.Load(Path.Combine(AppContext.BaseDirectory, "Data"));

    private static bool Reaches(string surface, string word)
    {
        Assert.True(Dict.TryWordId(ArabicNormalizer.NormalizeEntry(word), out int id), $"'{word}' is not a dictionary word");
        var forms = new List<TokenForm>();
        Dict.Forms.Analyse(ArabicNormalizer.NormalizeEntry(surface), forms);
        return forms.Exists(f => f.WordId == id);
    }

    [Theory]
    [InlineData("قاعدة")]
    [InlineData("بقاعدة")]
    [InlineData("والقاعدة")]
    [InlineData("لقاعدة")]
    [InlineData("للقاعدة")]
    [InlineData("فبالقاعدة")]
    [InlineData("كالقاعدة")]
    public void Proclitics_and_article_are_peeled_to_the_stem(string surface) => Assert.True(Reaches(surface, "قاعدة"));

    [Theory]
    [InlineData("سفارتها", "سفارة")]
    [InlineData("قاعدتهم", "قاعدة")]
    [InlineData("مسيرات", "مسيرة")]
    [InlineData("صاروخية", "صاروخ")]
    [InlineData("قتلوا", "قتل")]
    public void Attached_pronouns_and_endings_are_peeled(string surface, string stem) => Assert.True(Reaches(surface, stem));

    [Fact]
    public void Stripping_never_invents_a_word_the_dictionary_lacks() => Assert.False(Reaches("بغداد", "قاعدة"));

    [Fact]
    public void Place_with_preposition_and_article_is_found()
    {
        var incident = Extractor.Single("سقطت ثلاثة صواريخ على قاعدة بالرميلان شمال شرق سوريا أمس.");
        Assert.Equal("rumeilan", incident.Place!.Id);
    }

    [Fact]
    public void Nisba_adjective_is_not_the_country()
    {
        // «عراقي» must not read as «العراق»: the attack place is the base, and no Iraq-level incident appears.
        var incident = Extractor.Single("قال مسؤول أمني عراقي إن صاروخين استهدفا قاعدة حرير أمس.");
        Assert.Equal("al_harir", incident.Place!.Id);
    }
}
