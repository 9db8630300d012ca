namespace Ingestion.Extraction.Text;

internal enum TokenType : byte { Word, Number, Latin, Comma, SentenceEnd, LineEnd }

/// <summary>A token over the NORMALISED text; Start/End index the normalised buffer.</summary>
internal readonly record struct Token(int Start, int End, TokenType Type, int Line)
{
    public int Length => End - Start;
    public bool IsBoundary => Type is TokenType.SentenceEnd or TokenType.LineEnd;
}
