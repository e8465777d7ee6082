using ConvCore.Fixed.Kernels;

namespace EdgeDevice.Actions;

/// <summary>
/// The kernels the k key (and a button press) steps through: the configured one first, then
/// the edge detectors a viewer can tell apart on a small matrix, then the rest of the
/// catalogue. Learned kernels join the cycle when training saves one.
/// </summary>
public sealed class KernelCycle
{
    private static readonly string[] PreferredOrder =
    [
        "sobel", "sobel-x", "sobel-y", "edge-x", "edge-y", "laplacian4", "laplacian8",
        "scharr-x", "scharr-y", "prewitt-x", "prewitt-y", "emboss", "sharpen",
        "gaussian3", "gaussian5", "box3", "identity",
    ];

    private readonly List<Filter> _filters = [];
    private int _index;

    public KernelCycle(Filter first)
    {
        _filters.Add(first);
        foreach (string name in PreferredOrder)
        {
            if (name != first.Name && KernelCatalogue.TryGet(name, out Filter f))
            {
                _filters.Add(f);
            }
        }
    }

    public Filter Current => _filters[_index];

    public int Count => _filters.Count;

    public Filter Next()
    {
        _index = (_index + 1) % _filters.Count;
        return Current;
    }

    /// <summary>Adds (or replaces, by name) a filter and makes it current.</summary>
    public Filter Add(Filter filter)
    {
        int existing = _filters.FindIndex(f => f.Name == filter.Name);
        if (existing >= 0)
        {
            _filters[existing] = filter;
            _index = existing;
        }
        else
        {
            _filters.Insert(_index + 1, filter);
            _index++;
        }

        return Current;
    }
}
