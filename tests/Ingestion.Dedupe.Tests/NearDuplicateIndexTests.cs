using Ingestion.Dedupe;

namespace Ingestion.Dedupe.Tests;

public class NearDuplicateIndexTests
{
    private static (NearDuplicateIndex Index, Guid[] Ids) IndexOfSeeds(double threshold = 0.8)
    {
        var index = new NearDuplicateIndex(threshold);
        var ids = SeedArticles.All().Select(_ => Guid.NewGuid()).ToArray();
        var texts = SeedArticles.All();
        for (int i = 0; i < texts.Length; i++) index.Add(ids[i], ArticleFingerprint.MinHashSignature(texts[i]));
        return (index, ids);
    }

    [Fact]
    public void Lightly_edited_wire_copy_is_found_with_its_similarity()
    {
        var (index, ids) = IndexOfSeeds();
        var texts = SeedArticles.All();
        for (int i = 0; i < texts.Length; i++)
        {
            var match = index.FindNearDuplicate(ArticleFingerprint.MinHashSignature(SeedArticles.LightlyEdited(texts[i], 60)));
            Assert.NotNull(match);
            Assert.Equal(ids[i], match.ArticleId);
            Assert.InRange(match.Similarity, 0.8, 1.0);
        }
    }

    [Fact]
    public void Unrelated_article_has_no_near_duplicate()
    {
        var (index, _) = IndexOfSeeds();
        Assert.Null(index.FindNearDuplicate(ArticleFingerprint.MinHashSignature(
            "أعلنت وزارة الصحة افتتاح مستشفى جديد في البصرة يضم مئتي سرير وقسما للطوارئ ومختبرات حديثة")));
    }

    [Fact]
    public void Threshold_decides_how_heavy_an_edit_still_counts()
    {
        var text = SeedArticles.All()[1];
        var edited = ArticleFingerprint.MinHashSignature(SeedArticles.LightlyEdited(text, 60)); // Jaccard 0.88
        Assert.NotNull(IndexOfSeeds(0.8).Index.FindNearDuplicate(edited));
        Assert.Null(IndexOfSeeds(0.95).Index.FindNearDuplicate(edited));
    }

    [Fact]
    public void Exact_copy_matches_the_original_not_a_later_copy()
    {
        var (index, ids) = IndexOfSeeds();
        var signature = ArticleFingerprint.MinHashSignature(SeedArticles.All()[0]);
        index.Add(Guid.NewGuid(), signature);
        var match = index.FindNearDuplicate(signature);
        Assert.Equal(ids[0], match!.ArticleId);
        Assert.Equal(1.0, match.Similarity);
    }

    [Fact]
    public void Empty_text_is_neither_stored_nor_matched()
    {
        var index = new NearDuplicateIndex();
        var empty = ArticleFingerprint.MinHashSignature("");
        index.Add(Guid.NewGuid(), empty);
        Assert.Equal(0, index.Count);
        Assert.Null(index.FindNearDuplicate(empty));
    }

    [Fact]
    public void Index_keeps_finding_articles_across_chunk_and_table_growth()
    {
        var index = new NearDuplicateIndex();
        var rng = new Random(5);
        var stored = new List<(Guid, ulong[])>();
        for (int i = 0; i < 10_000; i++)
        {
            var sig = new ulong[ArticleFingerprint.SignatureLength];
            for (int j = 0; j < sig.Length; j++) sig[j] = (ulong)rng.NextInt64();
            var id = Guid.NewGuid();
            index.Add(id, sig);
            stored.Add((id, sig));
        }
        foreach (var (id, sig) in stored.Where((_, i) => i % 97 == 0))
        {
            var nearCopy = (ulong[])sig.Clone();
            for (int j = 0; j < nearCopy.Length; j += 10) nearCopy[j] = (ulong)rng.NextInt64(); // 10% of positions differ
            Assert.Equal(id, index.FindNearDuplicate(nearCopy)?.ArticleId);
        }
    }
}
