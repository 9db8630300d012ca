using Ingestion.Dedupe;

namespace Ingestion.Dedupe.Tests;

public class MinHashTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(60)]
    public void Estimated_similarity_tracks_exact_shingle_jaccard(int editEvery)
    {
        foreach (var text in SeedArticles.All())
        {
            var copy = SeedArticles.LightlyEdited(text, editEvery);
            double estimate = ArticleFingerprint.EstimatedSimilarity(
                ArticleFingerprint.MinHashSignature(text), ArticleFingerprint.MinHashSignature(copy));
            Assert.InRange(estimate, SeedArticles.Jaccard(text, copy) - 0.12, SeedArticles.Jaccard(text, copy) + 0.12);
        }
    }

    [Fact]
    public void Different_articles_are_dissimilar()
    {
        var signatures = SeedArticles.All().Select(ArticleFingerprint.MinHashSignature).ToArray();
        for (int i = 0; i < signatures.Length; i++)
            for (int j = i + 1; j < signatures.Length; j++)
                Assert.True(ArticleFingerprint.EstimatedSimilarity(signatures[i], signatures[j]) < 0.2);
    }

    [Fact]
    public void Signature_ignores_spelling_variants()
    {
        Assert.Equal(ArticleFingerprint.MinHashSignature("قُتل جنديان أمريكيان في قاعدة عين الأسد"),
            ArticleFingerprint.MinHashSignature("قتل جنديان امريكيان في قاعده عين الاسد"));
    }

    [Fact]
    public void Band_keys_are_equal_for_equal_bands_and_shared_by_light_edits()
    {
        var text = SeedArticles.All()[3];
        var keys = ArticleFingerprint.LshBandKeys(ArticleFingerprint.MinHashSignature(text)).ToList();
        Assert.Equal(ArticleFingerprint.Bands, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{18}$", k));
        var copyKeys = ArticleFingerprint.LshBandKeys(ArticleFingerprint.MinHashSignature(SeedArticles.LightlyEdited(text, 60)));
        Assert.NotEmpty(keys.Intersect(copyKeys));
        var otherKeys = ArticleFingerprint.LshBandKeys(ArticleFingerprint.MinHashSignature(SeedArticles.All()[2]));
        Assert.Empty(keys.Intersect(otherKeys));
    }

    [Fact]
    public void Short_and_empty_texts_get_signatures()
    {
        Assert.False(ArticleFingerprint.IsEmpty(ArticleFingerprint.MinHashSignature("عاجل")));
        Assert.True(ArticleFingerprint.IsEmpty(ArticleFingerprint.MinHashSignature(" ،. ")));
    }

    [Fact]
    public void Signatures_of_different_lengths_cannot_be_compared()
    {
        Assert.Throws<ArgumentException>(() => ArticleFingerprint.EstimatedSimilarity(new ulong[128], new ulong[64]));
    }
}
