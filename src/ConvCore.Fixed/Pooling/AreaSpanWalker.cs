namespace ConvCore.Fixed.Pooling;

/// <summary>
/// Yields the <see cref="AreaSpan"/> of destination pixels 0, 1, 2, ... of one axis in
/// order, stepping with additions only (a division per pixel would cost more than the
/// averaging itself on some CPUs). Equal to <see cref="AreaSpan.Of"/> at every step.
/// </summary>
internal struct AreaSpanWalker
{
    private readonly int _sourceSize;      // N: a destination pixel is N units long
    private readonly int _destinationSize; // n: a source pixel is n units long
    private readonly int _wholeStep;       // N / n
    private readonly int _partStep;        // N % n
    private int _nextFirst;                // where the next destination pixel starts:
    private int _nextOffset;               // source pixel _nextFirst, _nextOffset units in

    public AreaSpanWalker(int sourceSize, int destinationSize)
    {
        _sourceSize = sourceSize;
        _destinationSize = destinationSize;
        _wholeStep = sourceSize / destinationSize;
        _partStep = sourceSize % destinationSize;
    }

    public AreaSpan Next()
    {
        int first = _nextFirst;
        int offset = _nextOffset;
        _nextFirst += _wholeStep;
        _nextOffset += _partStep;
        if (_nextOffset >= _destinationSize)
        {
            _nextOffset -= _destinationSize;
            _nextFirst++;
        }

        // The span ends where the next one starts: inside pixel _nextFirst, or exactly at its start.
        int last = _nextOffset == 0 ? _nextFirst - 1 : _nextFirst;
        int lastWeight = _nextOffset == 0 ? _destinationSize : _nextOffset;
        return first == last
            ? new AreaSpan(first, last, _sourceSize, 0, _destinationSize)
            : new AreaSpan(first, last, _destinationSize - offset, lastWeight, _destinationSize);
    }
}
