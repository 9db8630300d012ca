using System.Xml;
using System.Xml.Linq;

namespace Ingestion.Feeds;

internal readonly record struct BuiltTree(XElement? Root, string? Error);

/// <summary>
/// Builds an XElement tree node by node from an XmlReader, so when the document breaks off
/// (truncated download, mismatched tag) everything read before the fault is kept.
/// DTDs are prohibited and nothing is ever resolved.
/// </summary>
internal static class XmlTreeBuilder
{
    private const int DocumentsPerNameTable = 512;

    [ThreadStatic] private static XmlReaderSettings? _settings;
    [ThreadStatic] private static int _documents;
    [ThreadStatic] private static XNameCache? _names;

    /// <summary>
    /// Settings with a per-thread name table: feeds repeat the same few dozen element names, so atomising
    /// them once per thread instead of once per document is most of the reader's start-up cost.
    /// The table is renewed now and then so a stream of made-up names cannot grow it without bound.
    /// </summary>
    private static XmlReaderSettings Settings
    {
        get
        {
            if (_settings is null || ++_documents > DocumentsPerNameTable)
            {
                _settings = NewSettings();
                _names = new XNameCache();
                _documents = 0;
            }
            return _settings;
        }
    }

    private static XmlReaderSettings NewSettings() => new()
    {
        NameTable = new NameTable(),
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CheckCharacters = false, // control characters in news text are noise, not a reason to lose the feed
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
        CloseInput = true,
    };

    public static BuiltTree Build(string text)
    {
        XElement? root = null;
        XElement? current = null;
        try
        {
            using var reader = CreateReader(text);
            var names = _names!;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = new XElement(names.Get(reader.LocalName, reader.NamespaceURI));
                        if (reader.HasAttributes) CopyAttributes(reader, element, names);
                        if (current is null)
                        {
                            if (root is not null) return new BuiltTree(root, "content after the root element");
                            root = element;
                        }
                        else
                        {
                            current.Add(element);
                        }
                        if (!reader.IsEmptyElement) current = element;
                        break;
                    case XmlNodeType.EndElement:
                        current = current?.Parent;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        // A string, not an XText: an element holding only text then stores it without a node object.
                        current?.Add(reader.Value);
                        break;
                    case XmlNodeType.CDATA:
                        current?.Add(new XCData(reader.Value));
                        break;
                }
            }
            return new BuiltTree(root, root is null ? "the document has no root element" : null);
        }
        catch (XmlException ex)
        {
            return new BuiltTree(root, ex.Message);
        }
    }

    /// <summary>
    /// Most feeds are small: the reader over a TextReader allocates a 4096-character buffer per document, which
    /// was half of a small feed's allocations. Below that size the string itself is the buffer (the fragment
    /// reader parses from a copy of exactly the document), with the same safety settings; large feeds stream.
    /// </summary>
    private static XmlReader CreateReader(string text)
    {
        var settings = Settings;
        if (text.Length >= SmallDocumentChars) return XmlReader.Create(new StringReader(text), settings);
        var context = new XmlParserContext(settings.NameTable, null, null, XmlSpace.None);
        var reader = new XmlTextReader(text, XmlNodeType.Document, context)
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            Normalization = true, // line ends and attribute values as XmlReader.Create reads them
            WhitespaceHandling = WhitespaceHandling.All,
        };
        return reader;
    }

    private const int SmallDocumentChars = 4096;

    private static void CopyAttributes(XmlReader reader, XElement element, XNameCache names)
    {
        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")) continue;
            var name = names.Get(reader.LocalName, reader.NamespaceURI);
            if (element.Attribute(name) is null) element.Add(new XAttribute(name, reader.Value));
        }
        reader.MoveToElement();
    }
}
