namespace Ingestion.Dedupe;

/// <summary>
/// Open-addressing map from a 32-bit band key to the newest entry filed under it; older entries with the same key
/// are chained through the index's "next" links. 8 bytes per slot and no object per key, which is what keeps the
/// index under 1 KB per article. 32-bit keys can collide: a collision only adds a candidate, which is verified.
/// </summary>
internal sealed class BandTable
{
    private const double MaxLoad = 0.75;
    private uint[] _keys = new uint[1024];
    private int[] _heads = new int[1024]; // entry + 1; 0 marks an empty slot
    private int _used;

    public long Bytes => _keys.LongLength * sizeof(uint) + _heads.LongLength * sizeof(int);

    /// <summary>Newest entry under <paramref name="key"/>, or -1.</summary>
    public int Head(uint key)
    {
        int mask = _keys.Length - 1;
        for (int slot = (int)(key & (uint)mask); ; slot = (slot + 1) & mask)
        {
            if (_heads[slot] == 0) return -1;
            if (_keys[slot] == key) return _heads[slot] - 1;
        }
    }

    /// <summary>Makes <paramref name="entry"/> the head for <paramref name="key"/>; returns the previous head or -1.</summary>
    public int Push(uint key, int entry)
    {
        if (_used + 1 > _keys.Length * MaxLoad) Grow();
        int mask = _keys.Length - 1;
        for (int slot = (int)(key & (uint)mask); ; slot = (slot + 1) & mask)
        {
            if (_heads[slot] == 0)
            {
                _keys[slot] = key;
                _heads[slot] = entry + 1;
                _used++;
                return -1;
            }
            if (_keys[slot] == key)
            {
                int previous = _heads[slot] - 1;
                _heads[slot] = entry + 1;
                return previous;
            }
        }
    }

    private void Grow()
    {
        var (keys, heads) = (_keys, _heads);
        _keys = new uint[keys.Length * 2];
        _heads = new int[heads.Length * 2];
        _used = 0;
        for (int i = 0; i < keys.Length; i++)
            if (heads[i] != 0) Push(keys[i], heads[i] - 1);
    }
}
