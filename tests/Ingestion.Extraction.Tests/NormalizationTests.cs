using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Tests;

public class NormalizationTests
{
    [Theory]
    [InlineData('أ', 'ا')]
    [InlineData('إ', 'ا')]
    [InlineData('آ', 'ا')]
    [InlineData('ٱ', 'ا')]
    [InlineData('ة', 'ه')]
    [InlineData('ى', 'ي')]
    [InlineData('٣', '3')]
    [InlineData('۷', '7')]
    [InlineData('«', '"')]
    [InlineData('»', '"')]
    [InlineData('“', '"')]
    [InlineData('’', '\'')]
    [InlineData('،', ',')]
    [InlineData('؛', ';')]
    public void Folds_spelling_variants_to_one_form(char raw, char folded) =>
        Assert.Equal(folded, ArabicNormalizer.Fold(raw));

    [Theory]
    [InlineData('\u0640')] // tatweel
    [InlineData('\u064E')] // fatha
    [InlineData('\u0651')] // shadda
    [InlineData('\u064B')] // tanween
    public void Drops_tatweel_and_diacritics(char mark) => Assert.Equal('\0', ArabicNormalizer.Fold(mark));

    [Fact]
    public void Normalised_text_maps_back_to_original_offsets()
    {
        const string original = "قُتِلَ ثـلاثة";
        var output = new char[original.Length];
        var map = new int[original.Length];
        int n = ArabicNormalizer.Normalize(original, output, map);
        Assert.Equal("قتل ثلاثه", new string(output, 0, n));
        Assert.Equal(original.IndexOf('ث'), map[4]);
        Assert.Equal(original.IndexOf('ل', original.IndexOf('ث')), map[5]); // the tatweel between them is gone
    }

    [Fact]
    public void Dictionary_entries_fold_the_same_way_as_text() =>
        Assert.Equal("عين الاسد", ArabicNormalizer.NormalizeEntry("  عَيْن   الأسد "));

    [Fact]
    public void Alef_variants_of_a_place_name_find_the_same_place()
    {
        var a = Extractor.Single("استهدفت طائرة مسيرة قاعدة عين الأسد أمس.");
        var b = Extractor.Single("استهدفت طائرة مسيّرة قاعدة عين الاسد أمس.");
        Assert.Equal("ain_al_asad", a.Place!.Id);
        Assert.Equal(a.Place.Id, b.Place!.Id);
    }

    [Fact]
    public void Evidence_offsets_point_into_the_original_text_with_its_diacritics()
    {
        const string text = "مقدمة.\nقُتِلَ ثلاثةُ مسلّحين في غارةٍ أميركية على القائم أمس.";
        var incident = Extractor.Single(text);
        var e = incident.Evidence;
        Assert.Equal(text[e.Start..e.End], e.Text);
        Assert.Contains("غارةٍ", e.Text);
    }
}
