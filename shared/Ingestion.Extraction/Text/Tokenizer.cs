namespace Ingestion.Extraction.Text;

/// <summary>
/// Splits normalised text into words, numbers and the punctuation that matters for segmentation.
/// Quotes, brackets and dashes are dropped: news prose wraps names in them («قاعدة "كالسو"»)
/// and a phrase must still match through them.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int line = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsArabicLetter(c))
            {
                int start = i;
                while (i < text.Length && IsArabicLetter(text[i])) i++;
                tokens.Add(new Token(start, i, TokenType.Word, line));
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i])
                       || (text[i] is ',' or '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > start)))
                    i++;
                tokens.Add(new Token(start, i, TokenType.Number, line));
                continue;
            }
            if (char.IsAsciiLetter(c))
            {
                int start = i;
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                tokens.Add(new Token(start, i, TokenType.Latin, line));
                continue;
            }
            switch (c)
            {
                case '\n':
                    tokens.Add(new Token(i, i + 1, TokenType.LineEnd, line));
                    line++;
                    break;
                case '.': case '!': case '?': case ';':
                    tokens.Add(new Token(i, i + 1, TokenType.SentenceEnd, line));
                    break;
                case ',': case ':':
                    tokens.Add(new Token(i, i + 1, TokenType.Comma, line));
                    break;
            }
            i++;
        }
    }

    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' || c is >= '\u0671' and <= '\u06D3';
}
