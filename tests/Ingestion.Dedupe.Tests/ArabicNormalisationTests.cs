using Ingestion.Dedupe;

namespace Ingestion.Dedupe.Tests;

public class ArabicNormalisationTests
{
    [Theory]
    [InlineData("أمريكا", "امريكا")]
    [InlineData("إيران", "ايران")]
    [InlineData("آلاف", "الاف")]
    [InlineData("قاعدة", "قاعده")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("قـــاعدة", "قاعده")]
    [InlineData("قُتِلَ جُنْدِيّانِ", "قتل جنديان")]
    [InlineData("٣ صواريخ و۲ مسيّرات", "3 صواريخ و2 مسيرات")]
    [InlineData("«هجوم»، (عاجل)!  الأحد؟", "هجوم عاجل الاحد")]
    [InlineData("US\u200F Forces", "us forces")]
    [InlineData("ﻻ", "لا")]
    public void Spelling_variants_fold_to_one_form(string input, string normalised)
    {
        Assert.Equal(normalised, ArticleFingerprint.NormalizeForHash(input));
    }

    [Fact]
    public void Content_hash_ignores_spelling_variants_but_not_wording()
    {
        string original = "قُتل ثلاثة جنود أمريكيين في هجوم بطائرة مسيّرة على قاعدة «البرج 22» في الأردن.";
        string restyled = "قتل ثلاثه جنود امريكيين في هجوم بطائره مسيره على قاعده البرج ٢٢ في الاردن";
        string reworded = "قتل جنديان أمريكيان في هجوم بطائرة مسيّرة على قاعدة «البرج 22» في الأردن.";
        Assert.Equal(ArticleFingerprint.ContentHash(original), ArticleFingerprint.ContentHash(restyled));
        Assert.NotEqual(ArticleFingerprint.ContentHash(original), ArticleFingerprint.ContentHash(reworded));
        Assert.Matches("^[0-9a-f]{64}$", ArticleFingerprint.ContentHash(original));
    }
}
