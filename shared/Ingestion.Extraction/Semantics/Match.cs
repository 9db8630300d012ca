using Ingestion.Extraction.Lexicon;

namespace Ingestion.Extraction.Semantics;

/// <summary>A dictionary phrase found in the text, spanning tokens First..Last inclusive.</summary>
internal readonly record struct Match(Term Term, int Value, int First, int Last, bool Dual, int Stripped, bool Suffixed = false)
{
    public int Length => Last - First + 1;
}

/// <summary>A run of tokens analysed together; Background marks clauses opened by «بعد», «في أعقاب», «رداً على»...</summary>
internal readonly record struct Clause(int First, int Last, int Sentence, bool Background);
