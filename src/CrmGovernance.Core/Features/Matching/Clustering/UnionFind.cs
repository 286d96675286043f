namespace CrmGovernance.Core.Features.Matching.Clustering;

/// <summary>Disjoint sets over record indices, with path halving and union by size.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int item)
    {
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }
        return item;
    }

    public int SizeOf(int item) => _size[Find(item)];

    /// <summary>Joins the two sets; false when they already were one.</summary>
    public bool Union(int left, int right)
    {
        var a = Find(left);
        var b = Find(right);
        if (a == b)
        {
            return false;
        }
        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }
        _parent[b] = a;
        _size[a] += _size[b];
        return true;
    }
}
