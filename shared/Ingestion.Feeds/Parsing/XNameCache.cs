using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Ingestion.Feeds;

/// <summary>
/// XName per (local name, namespace) as the reader reports them. The reader hands out strings atomised in its
/// name table, so a reference lookup replaces XName.Get's two hashed string lookups for every element and attribute.
/// Per thread, emptied with the name table (and when it grows past a bound, so made-up names cannot fill it).
/// </summary>
internal sealed class XNameCache
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<(string Local, string Namespace), XName> _names = new(ByReference.Instance);

    public XName Get(string local, string ns)
    {
        if (_names.TryGetValue((local, ns), out var name)) return name;
        if (_names.Count >= MaxEntries) _names.Clear();
        name = XName.Get(local, ns);
        _names[(local, ns)] = name;
        return name;
    }

    /// <summary>Strings not from the name table just miss; equal content under another reference is still the same XName.</summary>
    private sealed class ByReference : IEqualityComparer<(string Local, string Namespace)>
    {
        public static readonly ByReference Instance = new();

        public bool Equals((string Local, string Namespace) x, (string Local, string Namespace) y) =>
            ReferenceEquals(x.Local, y.Local) && ReferenceEquals(x.Namespace, y.Namespace);

        public int GetHashCode((string Local, string Namespace) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Local), RuntimeHelpers.GetHashCode(key.Namespace));
    }
}
